import Foundation
import Testing

@testable import KefuCore

/// What the agent sees when kefu is not sure: a marked guess when a shop
/// intent is plausible, generic drafts when nothing is, and no shop drafts
/// at all for everyday text that merely shares a word with shop talk.
@Suite struct HedgedAnswerTests {
    let engine = BuiltinEngine.engine
    /// The built-in packs with a confidence threshold no intent reaches:
    /// "how to use it" (a product question) is then plausible but not
    /// confident, whatever drift new examples bring to its confidence.
    static let doubtful: Engine = {
        var options = Engine.Options()
        options.threshold = 0.9999
        return Engine(library: BuiltinEngine.library, options: options)
    }()

    @Test func aPlausibleButUnconfidentIntentIsAnsweredAsAMarkedGuess() throws {
        let engine = Self.doubtful
        let s = engine.suggest("how to use it")
        #expect(s.intents.isEmpty, "nothing is confident: \(s.candidates)")
        let guess = try #require(s.guesses.first, "a plausible candidate is offered: \(s.candidates)")
        #expect(guess.intent == "product_info")
        #expect(s.hedged && !s.usedFallback)
        #expect(guess.confidence < engine.options.threshold && guess.confidence >= engine.options.guessFloor)
        #expect(s.drafts.first?.intent == "product_info", "the guess's drafts come first, not generic ones")
    }

    @Test func theJSONRecordSaysItIsAGuess() throws {
        let s = Self.doubtful.suggest("how to use it")
        let record = try #require(
            try JSONSerialization.jsonObject(with: Data(SuggestionJSON.record(id: .int(1), s).utf8)) as? [String: Any])
        #expect(record["hedged"] as? Bool == true)
        #expect((record["intents"] as? [Any])?.isEmpty == true, "intents keeps meaning the confident ones")
        let guesses = try #require(record["guesses"] as? [[String: Any]])
        #expect(guesses.first?["intent"] as? String == "product_info")
        #expect(guesses.first?["reported"] as? Bool == false)

        let sure = engine.suggest("where is my parcel")
        let sureRecord = try #require(
            try JSONSerialization.jsonObject(with: Data(SuggestionJSON.record(id: .int(2), sure).utf8)) as? [String: Any])
        #expect(sureRecord["hedged"] as? Bool == false)
        #expect((sureRecord["intents"] as? [[String: Any]])?.first?["reported"] as? Bool == true)
    }

    /// The examples of one ambiguous word deciding on unrelated
    /// text, in both scripts: no intent, no guess, generic drafts only.
    @Test(arguments: [
        "change my phone plan", "split the electricity bill", "what's my credit score rating",
        "when does my replacement debit card come", "my suitcase went missing at the airport",
        "这个月电费账单怎么这么高", "航班延误了行李也丢了",
    ])
    func unrelatedTextGetsNoShopDrafts(text: String) {
        let s = engine.suggest(text)
        #expect(s.intents.isEmpty && s.guesses.isEmpty, "\(s.candidates.prefix(3).map { "\($0.intent) \($0.confidence)" })")
        #expect(s.drafts.allSatisfy { $0.intent == nil })
    }

    @Test func nothingPlausibleGetsGenericDrafts() {
        let s = engine.suggest("zzzz qqqq")
        #expect(s.usedFallback && !s.hedged)
        #expect(!s.drafts.isEmpty && s.drafts.allSatisfy { $0.intent == nil })
    }

    /// A message with a confident intent and a close second reading: one of
    /// the first three drafts answers each.
    @Test func theFirstThreeDraftsCoverAConfidentIntentAndACloseRunnerUp() throws {
        for text in ["东西坏了 能退吗", "the box was crushed, can i return it"] {
            let s = engine.suggest(text, SuggestionRequest(maxDrafts: 3))
            let top = Set(s.candidates.prefix(2).map(\.intent))
            let shown = Set(s.drafts.compactMap(\.intent))
            #expect(
                top.isSubset(of: shown),
                "\(text): candidates \(s.candidates.prefix(2).map { "\($0.intent) \($0.confidence)" }), drafts \(s.drafts.map(\.snippet))")
        }
    }
}
