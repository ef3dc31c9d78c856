import Foundation
import KefuTestSupport
import Testing

@testable import KefuCore

/// Drafts the agent copies move up within their intent, with decay, and
/// say why.
@Suite struct PickRateTests {
    let day: Double = 86_400
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aDraftAlwaysPickedMovesUpAndTheOthersDown() throws {
        var rates = PickRates()
        for k in 0..<10 {
            rates.record(offered: ["a", "b", "c"], picked: "c", at: start.addingTimeInterval(Double(k)))
        }
        let adjustments = rates.adjustments(at: start.addingTimeInterval(10))
        let c = try #require(adjustments["c"]), a = try #require(adjustments["a"])
        #expect(c.delta > 0.15 && a.delta < 0)
        #expect(c.picked == 10 && c.offered == 10 && a.picked == 0)
    }

    @Test func fewOffersSayNothingAndOldPicksFade() throws {
        var rates = PickRates()
        rates.record(offered: ["a", "b"], picked: "b", at: start)
        #expect(rates.adjustments(at: start).isEmpty, "one copy is not a habit")
        for _ in 0..<5 { rates.record(offered: ["a", "b"], picked: "b", at: start) }
        let now = try #require(rates.adjustments(at: start)["b"]).delta
        let later = rates.adjustments(at: start.addingTimeInterval(30 * day))["b"]
        #expect(later.map { $0.offered == 3 } == true, "halved after a half-life")
        let muchLater = rates.adjustments(at: start.addingTimeInterval(120 * day))
        #expect(muchLater.isEmpty, "\(muchLater)")
        #expect(now > 0)
    }

    @Test func theRankerMovesAPickedDraftFirstAndExplainsIt() throws {
        let engine = TestPack.engine()
        let message = "东西坏了"
        let plain = engine.suggest(message)
        let first = try #require(plain.drafts.first).snippet
        let other = try #require(plain.drafts.first { $0.snippet != first && $0.intent == plain.drafts.first?.intent }).snippet
        var rates = PickRates()
        for _ in 0..<8 { rates.record(offered: [first, other], picked: other, at: start) }
        var request = SuggestionRequest()
        request.picks = rates.adjustments(at: start)
        let learned = engine.suggest(message, request)
        #expect(learned.drafts.first?.snippet == other, "\(learned.drafts.map(\.snippet))")
        #expect(
            learned.drafts.first?.explanation.contains { $0.hasPrefix("picked 8 of 8 times") } == true,
            "\(learned.drafts.first?.explanation ?? [])")
    }

    @Test func picksAddUpAcrossWriters() throws {
        let folder = try Sandbox()
        let store = PickStore(directory: folder.path)
        _ = try store.record(offered: ["a", "b"], picked: "a", at: start)
        let second = PickStore(directory: folder.path)
        let rates = try second.record(offered: ["a", "b"], picked: "b", at: start)
        #expect(rates.tallies["a"]?.offered == 2 && rates.tallies["b"]?.picked == 1)
        #expect(FilePermissions.of(store.path) == 0o600)
    }
}
