import Foundation
import KefuBuiltinSnippets
import KefuPlugins
import Testing

@testable import KefuCore

/// The built-in packs, as the binary embeds them.
enum BuiltinEngine {
    static let library = SnippetLibrary.load(
        BuiltinSnippets.files.map { PackSource(path: "builtin:" + $0.path, text: $0.text, layer: .builtin) })
    static let engine = Engine(library: library, detectorFactories: BuiltinPlugins.detectorFactories)
}

@Suite struct BuiltinPackTests {
    static let taxonomy = [
        "greeting", "product_info", "bargain", "urge_delivery", "logistics", "cod", "change_order",
        "refund_return", "item_problem", "complaint", "bad_review", "invoice", "thanks_bye",
    ]

    @Test func everyBuiltinPackLoads() {
        #expect(BuiltinEngine.library.diagnostics.isEmpty, "\(BuiltinEngine.library.diagnostics)")
        #expect(!BuiltinEngine.library.packs.isEmpty)
    }

    @Test(arguments: taxonomy)
    func intentHasExamplesAndDraftsInBothLanguages(intent: String) throws {
        let definition = try #require(BuiltinEngine.library.intents[intent])
        for language in [Language.simplifiedChinese, .english] {
            #expect(definition.examples.filter { $0.language == language }.count >= 30, "\(intent) \(language)")
        }
        #expect(!definition.counterExamples.isEmpty)
        let drafts = BuiltinEngine.library.snippets.filter { $0.intents.contains(intent) }
        #expect(drafts.count >= 3, "\(intent) needs several drafts so ranking matters")
        for d in drafts {
            #expect(d.texts[.simplifiedChinese] != nil && d.texts[.english] != nil, "\(d.id)")
        }
    }

    @Test func specialDraftsExist() {
        let snippets = BuiltinEngine.library.snippets
        #expect(snippets.contains { $0.kind == .upsell && $0.intents.contains("product_info") })
        #expect(snippets.contains { $0.onDemand && $0.kind == .reminder })
        #expect(snippets.contains { $0.conditions.equals["returning"] == "true" })
        #expect(snippets.contains { $0.fallback })
    }

    /// `kefu test` on the built-in packs: every example (held out of the
    /// classifier) yields its intent in the top 3, no counter-example yields it.
    @Test func packExamplesPass() {
        let failures = ExampleTester(engine: BuiltinEngine.engine).run().filter { !$0.passed }
        let report = failures.prefix(20).map {
            "\($0.location): \($0.kind.rawValue) \($0.intent): \($0.text) → \($0.got.prefix(3).map(\.intent))"
        }
        #expect(failures.isEmpty, "\(failures.count) failing examples:\n\(report.joined(separator: "\n"))")
    }

    @Test func returningCustomerGetsTheirGreeting() {
        let s = BuiltinEngine.engine.suggest("在吗", SuggestionRequest(variables: ["returning": "true", "buyer": "小王"]))
        let first = s.drafts.first?.snippet
        let snippet = BuiltinEngine.library.snippets.first { $0.id == first }
        #expect(snippet?.conditions.equals["returning"] == "true", "first draft was \(first ?? "none")")
        #expect(s.drafts.first?.text.contains("小王") == true)
    }

    @Test func traditionalMessageGetsTraditionalDrafts() throws {
        let s = BuiltinEngine.engine.suggest("請問我的包裹到哪裡了？單號查不到")
        #expect(s.language == .traditionalChinese)
        let first = try #require(s.drafts.first)
        #expect(first.text != ChineseConverter.shared.convert(first.text, .toSimplified), "draft is not Traditional: \(first.text)")
    }

    @Test func chineseDraftsNameTheCarrierInChinese() throws {
        let zh = BuiltinEngine.engine.suggest("我的快递到哪了 单号SF1402938475612")
        let text = try #require(zh.drafts.first { $0.text.contains("SF1402938475612") }?.text)
        #expect(text.contains("顺丰") && !text.contains("SF Express"), "\(text)")
        let hant = BuiltinEngine.engine.suggest("我的快遞到哪裡了 單號SF1402938475612")
        let traditional = try #require(hant.drafts.first { $0.text.contains("SF1402938475612") }?.text)
        #expect(traditional.contains("順豐") && !traditional.contains("顺丰"), "\(traditional)")
        let en = BuiltinEngine.engine.suggest("where is my parcel SF1402938475612")
        #expect(en.drafts.contains { $0.text.contains("SF Express") })
    }

    @Test func upsetBuyerGetsApologyFirst() throws {
        let s = BuiltinEngine.engine.suggest("你们什么破店！！！东西坏了还不理人，垃圾，我要投诉")
        #expect(s.tone.upset)
        #expect(s.intents.contains { $0.intent == "complaint" })
        #expect(try #require(s.drafts.first).kind == .apology)
    }

    /// A bare "ok" is an acknowledgement, not a cash-on-delivery question.
    /// The classifier once read it as the twin (1.00) of “货到付款ok吗”: that
    /// example's other words are so common they have no postings, and its
    /// length was measured without them.
    @Test(arguments: ["ok", "OK", "ok的"])
    func aBareOkIsNotTheTwinOfAnExampleWithMoreWords(text: String) {
        let a = BuiltinEngine.engine.analyse(text)
        #expect(!a.intents.contains { $0.intent == "cod" } && a.candidates.first?.intent != "cod", "\(a.candidates)")
        let twins = a.candidates.flatMap(\.evidence).filter { $0.detector == "classifier" && $0.detail.hasSuffix("(1.00)") }
        #expect(twins.allSatisfy { $0.detail.lowercased().contains("“\(text.lowercased())”") }, "\(twins)")
    }
}

/// The project's own labelled bilingual messages (written for kefu, never
/// shown to the packs): per-intent floors on F1, and the overall bars.
@Suite struct LabelledSetTests {
    static let rows = LabelledFile.rows("Tests/KefuCoreTests/Fixtures/labelled-messages.tsv")
    static let evaluation = Evaluation(engine: BuiltinEngine.engine, rows: rows)

    @Test func setIsLargeAndBilingual() {
        #expect(Self.rows.count >= 300)
        let chinese = Self.rows.filter { TextNormalizer().normalize($0.text).language.isChinese }.count
        #expect(chinese >= 120 && Self.rows.count - chinese >= 120)
    }

    /// `kefu eval` prints the same bytes on every run: confusions of equal
    /// count are in gold, then predicted order, not in the order of a hash
    /// table seeded afresh by each process.
    @Test func confusionsOfEqualCountAreInAFixedOrder() {
        let c = Self.evaluation.confusions
        #expect(c.count > 3)
        for (a, b) in zip(c, c.dropFirst()) {
            #expect(a.count > b.count || (a.count == b.count && (a.gold, a.predicted) < (b.gold, b.predicted)), "\(a) before \(b)")
        }
    }

    @Test func overallBars() {
        let e = Self.evaluation
        #expect(e.macroF1 >= LabelledSetFloors.macroF1, "macro-F1 \(e.macroF1)")
        #expect(e.top3 >= LabelledSetFloors.top3, "top-3 \(e.top3)")
        #expect(e.otherFlagged <= LabelledSetFloors.otherFlagged, "other flagged \(e.otherFlagged)")
    }

    @Test(arguments: BuiltinPackTests.taxonomy)
    func perIntentFloor(intent: String) throws {
        try LabelledFile.expectF1(
            of: intent, in: Self.evaluation, atLeast: LabelledSetFloors.f1[intent] ?? LabelledSetFloors.defaultF1)
    }
}
