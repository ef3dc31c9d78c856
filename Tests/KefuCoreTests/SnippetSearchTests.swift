import Testing

@testable import KefuCore

/// `SnippetSearch`: what `/word` finds and in what order, across scripts.
@Suite struct SnippetSearchTests {
    /// One Traditional-only text, one Simplified-only, English in upper and
    /// lower case, and ids and intents that share words.
    static let pack = """
        pack: {id: t.search, name: Search, version: '1'}
        intents:
          - id: parcel
            description: where is my parcel
            triggers: {zh-Hans: [快递到哪]}
            examples: {zh-Hans: [我的快递到哪了]}
          - id: money_back
            description: wants a refund
            triggers: {zh-Hans: [退款]}
            examples: {zh-Hans: [我要退款]}
        snippets:
          - id: parcel.check
            intents: [parcel]
            kind: logistics
            priority: 60
            text:
              zh-Hant: 親，馬上幫您查詢物流進度喔。
              en: Checking your Parcel right now.
          - id: parcel.late
            intents: [parcel]
            kind: apology
            priority: 40
            text:
              zh-Hans: 亲，抱歉让您久等了，物流我来催。
              en: So sorry it is late, I will chase the courier.
          - id: money_back.steps
            intents: [money_back]
            kind: refund
            priority: 50
            text:
              zh-Hans: 在订单页申请退款就可以啦，运费我们承担。
              en: Request the REFUND on the order page{{#order_id}} for {{order_id}}{{/order_id}}.
          - id: money_back.parcel-return
            intents: [money_back]
            kind: refund
            priority: 90
            text:
              zh-Hans: 把包裹寄回来后，退款一到三天到账。
              en: Once the parcel is back, the refund takes one to three days.
        """

    static let search: SnippetSearch = {
        let library = SnippetLibrary.load([PackSource(path: "search.yaml", text: pack, layer: .builtin)])
        precondition(library.diagnostics.isEmpty, "\(library.diagnostics)")
        return SnippetSearch(library: library)
    }()

    func ids(_ query: String) -> [String] { Self.search.search(query).map(\.snippet) }

    @Test func aSimplifiedQueryFindsATraditionalText() {
        #expect(ids("查询物流").first == "parcel.check")
        #expect(Self.search.search("查询物流").first?.language == .traditionalChinese)
    }

    @Test func aTraditionalQueryFindsASimplifiedText() {
        // 申請退款 folds to 申请退款, written only in Simplified.
        #expect(ids("申請退款") == ["money_back.steps"])
        #expect(ids("久等") == ["parcel.late"])
        #expect(ids("讓您久等") == ["parcel.late"])
    }

    @Test func englishIgnoresCase() {
        #expect(ids("refund") == ids("REFUND"))
        #expect(ids("parcel right").first == "parcel.check")
        #expect(ids("COURIER") == ["parcel.late"])
    }

    @Test func theExactIDComesFirstThenIDAndIntentPrefixesThenText() {
        let found = Self.search.search("parcel.check")
        #expect(found.first?.snippet == "parcel.check")
        #expect(found.first?.tier == .exactID)
        // "parcel": the id and intent `parcel` (both snippets), the word
        // "parcel" of money_back.parcel-return's id, before the text of
        // none other; the higher priority first within a tier.
        let parcel = Self.search.search("parcel")
        #expect(parcel.map(\.snippet) == ["money_back.parcel-return", "parcel.check", "parcel.late"])
        #expect(parcel.allSatisfy { $0.tier == .prefix })
        // An intent prefix: every snippet of money_back, before texts.
        let money = ids("money")
        #expect(Set(money) == ["money_back.steps", "money_back.parcel-return"])
    }

    @Test func moreTermsMatchedRankHigher() {
        // Both snippets say 退款; only one also says 运费.
        let found = Self.search.search("退款 运费")
        #expect(found.map(\.snippet) == ["money_back.steps", "money_back.parcel-return"])
        #expect(found.map(\.matchedTerms) == [2, 1])
    }

    @Test func anEarlierMatchRanksHigher() {
        // 退款 is the 7th character of one text and the 9th of the other.
        let found = Self.search.search("退款")
        #expect(found.map(\.snippet) == ["money_back.steps", "money_back.parcel-return"])
        #expect(found[0].position < found[1].position)
    }

    @Test func valuesAndTagsAreNotText() {
        #expect(ids("order_id").isEmpty)
        #expect(ids("{{").isEmpty)
    }

    @Test func nothingFoundSuggestsTheNearestName() {
        #expect(ids("parcle").isEmpty)
        #expect(Self.search.didYouMean("parcle") == "parcel")
        #expect(Self.search.didYouMean("monye_back") == "money_back")
        #expect(Self.search.didYouMean("完全无关") == nil)
        #expect(ids("   ").isEmpty)
    }
}
