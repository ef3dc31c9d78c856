import KefuTone
import Testing

@testable import KefuCore

/// The tone detector's example tables, through the engine with every
/// built-in plugin (so normalisation folds Traditional first, as in use).
@Suite struct ToneExampleTests {
    static let examples = ToneExamples.upset.map { ($0.language, $0.text, true) } + ToneExamples.calm.map { ($0.language, $0.text, false) }

    @Test(arguments: examples)
    func upsetIsMarked(language: Language, text: String, upset: Bool) {
        // `language` documents the table; short messages such as 客服是死了嗎
        // (one Traditional-only character) are read as either script.
        let s = BuiltinCodePluginTests.engine.suggest(text)
        #expect(s.tone.upset == upset, "\(text): anger \(s.tone.anger), cues \(s.tone.cues)")
    }

    @Test func upsetBuyersGetAnApologyFirst() {
        for text in ["再这样我就给差评", "客服是死了嗎？？？", "what kind of service is this", "I'll leave a 1-star review"] {
            let s = BuiltinCodePluginTests.engine.suggest(text)
            #expect(s.drafts.first?.kind == .apology, "\(text): \(s.intents.map(\.intent)) \(s.drafts.map(\.snippet))")
        }
    }
}
