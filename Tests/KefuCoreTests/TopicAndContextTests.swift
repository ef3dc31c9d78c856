import KefuBuiltinSnippets
import Testing

@testable import KefuCore

/// Which draft comes first within an intent (`about:`), and what keeps a shop
/// word in an everyday sentence from getting shop drafts (`other`'s
/// triggers and examples), read as the buyer who receives the draft.
@Suite struct TopicAndContextTests {
    /// Built-in messages and the draft a buyer should get first: the one
    /// about what the message asks, or the intent's general draft when the
    /// message asks about nothing a topic draft covers.
    static let firstDrafts: [(message: String, snippet: String)] = [
        ("does it run small", "product-info.size"),
        ("这个有货吗", "product-info.stock-check"),
        ("what is it made of", "product-info.answer"),
        ("我想退货", "refund-return.steps"),
        ("退款什么时候到账", "refund-return.status"),
        ("叫你们主管来", "complaint.escalate"),
        ("转人工", "complaint.human-here"),
        ("发错货了 我买的是黑色", "item-problem.wrong-item"),
        ("do you deliver to Pune", "logistics.coverage"),
        ("我要取消订单", "change-order.cancel"),
    ]

    @Test(arguments: firstDrafts)
    func theDraftAboutWhatTheMessageAsksComesFirst(message: String, snippet: String) {
        let s = BuiltinEngine.engine.suggest(message, SuggestionRequest(explain: true))
        #expect(s.drafts.first?.snippet == snippet, "\(message): \(s.drafts.map(\.snippet)) \(s.candidates.map(\.intent))")
    }

    static let topics = """
        pack:
          id: test.topics
          name: Topics
          version: 1.0.0
        intents:
          - id: t.product
            description: a product question
            triggers:
              en: [this one, the lamp]
            examples:
              en: [tell me about the lamp, is this one any good]
        snippets:
          - id: t.general
            intents: [t.product]
            kind: answer
            priority: 70
            text:
              en: Let me check that for you.
          - id: t.size
            intents: [t.product]
            kind: answer
            priority: 40
            about:
              en: [size, tall]
            text:
              en: Here is the size chart.
        """

    @Test func aboutLiftsATopicDraftWhenMentionedAndLowersItWhenNot() throws {
        let engine = Engine(library: SnippetLibrary.load([PackSource(path: "t.yaml", text: Self.topics, layer: .user)]))
        let sized = engine.suggest("what size is the lamp", SuggestionRequest(explain: true))
        #expect(sized.drafts.map(\.snippet) == ["t.size", "t.general"], "\(sized.drafts.map(\.snippet))")
        #expect(
            sized.drafts.first?.explanation.contains("about what the message asks (mentions “size”)") == true,
            "\(sized.drafts.first?.explanation ?? [])")
        let plain = engine.suggest("is the lamp bright", SuggestionRequest(explain: true))
        #expect(plain.drafts.map(\.snippet) == ["t.general", "t.size"], "still offered, after the general draft")
        #expect(plain.drafts.last?.explanation.contains("about something the message does not mention") == true)
    }

    @Test func anEmptyAboutPhraseIsAnErrorAtItsPlace() {
        let pack = Self.topics.replacingOccurrences(of: "en: [size, tall]", with: "en: [size, \"\"]")
        let library = SnippetLibrary.load([PackSource(path: "t.yaml", text: pack, layer: .user)])
        #expect(
            library.diagnostics.contains {
                $0.description.hasPrefix("t.yaml:24:18:") && $0.description.contains("entry of about must not be empty")
            },
            "\(library.diagnostics)")
    }

    /// Shop words in sentences about a taxi, a flight, a landlord, a teacher:
    /// no shop drafts. The same shop word in a buyer's sentence: its intent.
    static let outside = ["滴滴行程发票怎么开", "出租车发票丢了能补吗", "房东说下个月要涨房租", "班主任让写一段评价", "my landlord wants the rent by friday"]

    @Test(arguments: outside)
    func aShopWordInAnEverydaySentenceGetsNoShopDrafts(message: String) {
        let s = BuiltinEngine.engine.suggest(message)
        #expect(
            s.intents.isEmpty && s.guesses.isEmpty && s.usedFallback, "\(message): \(s.intents.map(\.intent)) \(s.guesses.map(\.intent))")
    }

    @Test func theSameShopWordFromABuyerStillDecides() {
        #expect(BuiltinEngine.engine.suggest("我要发票").intents.first?.intent == "invoice")
        #expect(BuiltinEngine.engine.suggest("评价可以改吗").intents.first?.intent == "bad_review")
    }

    static let shop = """
        pack:
          id: test.shop
          name: A shop's own intent and labels
          version: 1.0.0
        intents:
          - id: shop.voucher
            description: The buyer asks for a voucher.
            triggers:
              zh-Hans: [代金券]
            examples:
              zh-Hans: [有代金券吗, 能给张代金券吗, 代金券怎么用]
          - id: other
            triggers:
              en: [{phrase: bowling, weight: 0.5}]
            examples:
              zh-Hans: [查看全部评价]
        snippets:
          - id: shop.voucher.answer
            intents: [shop.voucher]
            kind: promo
            text:
              zh-Hans: 亲，代金券在店铺首页领取哦～
        """

    @Test func anOtherExampleIsNoIntentWhateverWordsItShares() {
        let engine = Self.shopEngine
        let s = engine.suggest("查看全部评价")
        #expect(s.intents.isEmpty && s.guesses.isEmpty, "\(s.intents.map(\.intent))")
        #expect(!engine.suggest("查看全部评价 我要改差评").intents.isEmpty, "only the exact label")
    }

    /// The model learned a shop's intent from three examples next to
    /// thousands of `other` ones: its `other` reading must not silence the
    /// shop's own trigger word.
    @Test(arguments: ["代金券怎么领", "还有代金券吗", "我想要代金券"])
    func aShopsFewShotIntentIsNotSilencedByTheModel(message: String) {
        let engine = Self.shopEngine
        let s = engine.suggest(message)
        #expect(s.intents.first?.intent == "shop.voucher", "\(message): \(s.candidates.map { ($0.intent, $0.confidence) })")
    }

    /// The built-in packs and the shop's pack, built (and its model trained)
    /// once for the tests that use it.
    static let shopEngine = Engine(library: builtInAnd(shop))

    /// The built-in packs with one more pack after them, as a shop loads it.
    static func builtInAnd(_ yaml: String) -> SnippetLibrary {
        SnippetLibrary.load(
            BuiltinSnippets.files.map { PackSource(path: "builtin:" + $0.path, text: $0.text, layer: .builtin) }
                + [PackSource(path: "shop.yaml", text: yaml, layer: .user)])
    }

    @Test func otherTakesTriggersAndExamplesOnly() {
        let bad = Self.shop.replacingOccurrences(of: "  - id: other\n", with: "  - id: other\n    counter_triggers:\n      en: [x]\n")
        let library = SnippetLibrary.load([PackSource(path: "s.yaml", text: bad, layer: .user)])
        #expect(
            library.diagnostics.contains { $0.description.contains("takes only examples and triggers, not 'counter_triggers'") },
            "\(library.diagnostics)")
        #expect(SnippetLibrary.load([PackSource(path: "s.yaml", text: Self.shop, layer: .user)]).otherTriggers.map(\.phrase) == ["bowling"])
    }
}
