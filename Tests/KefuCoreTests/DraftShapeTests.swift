import Testing

@testable import KefuCore

/// Every built-in snippet rendered as buyers meet it — all values known, none,
/// each one missing in turn, in every language — is whole, short, and (in
/// Traditional) Taiwan Chinese rather than converted mainland wording.
@Suite struct DraftShapeTests {
    static let audit = RenderAudit(library: BuiltinEngine.library)
    static let ids = BuiltinEngine.library.snippets.map(\.id)

    static func snippet(_ id: String) throws -> SnippetDefinition {
        try #require(BuiltinEngine.library.snippets.first { $0.id == id })
    }

    @Test(arguments: ids)
    func noTemplateDebris(_ id: String) throws {
        let renderings = Self.audit.renderings(of: try Self.snippet(id))
        #expect(Set(renderings.map(\.language)).count == 3, "\(id) is offered in every language")
        for r in renderings {
            let debris = DraftDebris.find(in: r.text)
            #expect(debris.isEmpty, "\(id) \(r.language.rawValue) \(r.variant): \(debris) in “\(r.text)”")
            // With every value known there is no blank left to fill.
            if r.variant == "all values" { #expect(r.missing.isEmpty, "\(id) \(r.language.rawValue): \(r.missing)") }
        }
    }

    /// The debris the checker exists for (issue 13's own examples) and drafts it must leave alone.
    @Test func debrisIsRecognised() {
        for bad in [
            "Good news — is in stock!", "亲，马上帮您查询的物流进度", "订单（）已收到", "亲，单号 的物流进度", "Hi  there",
            "Thanks for shopping with .", "Tracking number: ", "请留意【】", "亲 ，收到", "Sent to (size ) today",
        ] {
            #expect(!DraftDebris.find(in: bad).isEmpty, "\(bad)")
        }
        for good in [
            "亲，马上帮您查询顺丰单号 SF1234567890123 的物流进度，请稍等哦～", "Orders paid before 4 pm ship the same day.",
            "Anytime — have a great day!", "一般发货后1-2天送达", "亲，您的订单⟨order_id⟩已收到",
            "I can offer you two options: 1) a replacement, or 2) a refund.",
        ] {
            #expect(DraftDebris.find(in: good).isEmpty, "\(good): \(DraftDebris.find(in: good))")
        }
    }

    /// A chat reply is one to three short sentences (SPEC §1: don't
    /// over-explain). The bounds are for the draft with every value filled:
    /// a short Chinese sentence is 15-25 characters, three of them with 亲 and
    /// a closing particle about 80 — four lines of a Qianniu chat pane; a
    /// short English sentence is 60-80 characters, three about 240. Policy
    /// paragraphs are drafts of their own (refund-return.policy), not tails.
    static let maxCharacters: [Language: Int] = [.simplifiedChinese: 80, .traditionalChinese: 80, .english: 240]

    @Test(arguments: ids)
    func draftsAreShort(_ id: String) throws {
        for r in Self.audit.renderings(of: try Self.snippet(id)) where r.variant == "all values" {
            let bound = Self.maxCharacters[r.language] ?? 0
            #expect(r.text.count <= bound, "\(id) \(r.language.rawValue): \(r.text.count) characters > \(bound): \(r.text)")
            #expect(Self.sentences(r.text) <= 3, "\(id) \(r.language.rawValue): more than three sentences: \(r.text)")
        }
    }

    /// Sentence ends: 。！？ in Chinese, . ! ? before a space or the end in English.
    static func sentences(_ text: String) -> Int {
        let chars = Array(text)
        var n = 0
        for (i, c) in chars.enumerated() {
            let next = i + 1 < chars.count ? chars[i + 1] : " "
            if "。！？".contains(c) && !"。！？".contains(next) { n += 1 }
            if ".!?".contains(c) && (next == " " || next == "\n" || i + 1 == chars.count) { n += 1 }
        }
        return max(n, 1)
    }

    /// Mainland words a Taiwan reader does not use (issue 13, item 7). 快递
    /// is left alone where 宅配 or 物流 fits equally: it is understood.
    static let mainlandWords = ["質量", "信息", "賬戶", "視頻", "江浙滬", "喫虧", "尺碼錶", "賬號", "包郵"]

    /// Hand-written Traditional texts are Taiwan Chinese.
    @Test func handWrittenTraditionalTextsUseTaiwanWords() {
        var checked = 0
        for s in BuiltinEngine.library.snippets {
            guard let t = s.texts[.traditionalChinese] else { continue }
            checked += 1
            for w in Self.mainlandWords { #expect(!t.source.contains(w), "\(s.id): \(w)") }
        }
        for (name, texts) in BuiltinEngine.library.partials {
            for w in Self.mainlandWords { #expect(texts[.traditionalChinese]?.source.contains(w) != true, "partial \(name): \(w)") }
        }
        #expect(checked >= 20, "Taiwan practice (出貨, 宅配, 超商取貨付款, 統編) needs hand-written texts")
    }

    /// Every Traditional draft the library renders, converted or
    /// hand-written. With today's character converter (s2t) this holds only
    /// because every snippet whose Simplified text has a mainland word has a
    /// hand-written Traditional text; once the converter is OpenCC s2twp
    /// (phrase conversion, issue 13 item 7) converted texts keep it too.
    @Test(arguments: ids)
    func traditionalDraftsHaveNoMainlandWords(_ id: String) throws {
        for r in Self.audit.renderings(of: try Self.snippet(id)) where r.language == .traditionalChinese && r.variant == "all values" {
            for w in Self.mainlandWords { #expect(!r.text.contains(w), "\(id): \(w) in \(r.text)") }
        }
    }

    /// Taiwan practice is written where it differs.
    @Test func taiwanPracticeIsWritten() {
        let hant = BuiltinEngine.library.snippets.compactMap { $0.texts[.traditionalChinese]?.source }.joined()
        for w in ["出貨", "宅配", "超商取貨付款", "統一編號", "統編", "電子發票", "7-11", "全家", "影片", "帳戶"] {
            #expect(
                hant.contains(w) || BuiltinEngine.library.partials.values.contains { $0[.traditionalChinese]?.source.contains(w) == true },
                "\(w)")
        }
    }
}
