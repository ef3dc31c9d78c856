import Foundation
import KefuTestSupport
import Testing

/// Threads and several buyers on the real binary in a terminal: values
/// from earlier messages fill later drafts (and say so), a follow-up leans
/// toward the thread's intent, `:buyer` keeps two buyers' values apart,
/// the prompt names the active buyer, and `:new` forgets what was carried.
@Suite(.timeLimit(.minutes(3)))
struct REPLThreadTests {
    static let orderA = "订单号 1234567890，还没发货"
    static let orderB = "订单号 5556667778，还没发货"
    /// Urges delivery without an order number of its own.
    static let urge = "催一下"

    /// What the last message's header and drafts say: the screen from the
    /// last `● ` header on.
    static func lastAnswer(_ screen: String) -> String {
        guard let header = screen.screenLines.last(where: { $0.contains("● ") }) else { return "" }
        return header + (screen.components(separatedBy: header).last ?? "")
    }

    static func promptLine(_ screen: String) -> String {
        screen.screenLines.last { !$0.isEmpty } ?? ""
    }

    /// Types a command, waits until the screen shows it typed (a key sent
    /// sooner can overtake the text), presses Enter and waits for `done`
    /// and the prompt.
    @discardableResult
    static func command(_ t: TmuxTerminal, _ text: String, _ what: String, done: @escaping (String) -> Bool) throws -> String {
        try t.type(text)
        try t.waitFor("“\(text)” typed") { promptLine($0).hasSuffix(text) }
        try t.keys("Enter")
        return try t.waitFor(what) { done($0) && REPLFixtures.atPrompt($0) && !promptLine($0).hasSuffix(text) }
    }

    @Test func anOrderNumberFromTheFirstMessageFillsTheSecondsDrafts() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        defer { t.stopServer() }
        var answer = Self.lastAnswer(try REPLFixtures.ask(t, Self.orderA, block: 1))
        #expect(answer.contains("found order_id=1234567890"), "\(answer)")
        answer = Self.lastAnswer(try REPLFixtures.ask(t, Self.urge, block: 2))
        #expect(answer.contains("from earlier order_id=1234567890"), "shown as carried, not found:\n\(answer)")
        #expect(!answer.contains("found order_id"), "\(answer)")
        #expect(answer.contains("订单 1234567890"), "the draft is filled with it:\n\(answer)")
        // A follow-up with no intent of its own: the thread's intent, hedged.
        answer = Self.lastAnswer(try REPLFixtures.ask(t, "怎么样了", block: 3))
        #expect(answer.contains("? follow-up of urge_delivery?"), "\(answer)")
        #expect(answer.contains("a guess, not sure") && answer.contains("1234567890"), "\(answer)")
        // `? 1` says why: the thread's evidence and where the value came from.
        let why = try Self.command(t, "? 1", "the explanation") { $0.contains("draft 1 · ") }
        let explained = why.components(separatedBy: "draft 1 · ").last ?? ""
        #expect(explained.contains("thread  follow-up of urge_delivery"), "\(explained)")
        #expect(explained.contains("from earlier: order_id=1234567890"), "\(explained)")
    }

    @Test func twoBuyersKeepTheirValuesApartAndThePromptNamesTheActiveOne() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        defer { t.stopServer() }
        let first = try t.screen()
        #expect(Self.promptLine(first) == "kefu · auto ›", "one buyer: the prompt is unchanged:\n\(first)")
        _ = try REPLFixtures.ask(t, Self.orderA, block: 1)

        var screen = try Self.command(t, ":buyer alice", "buyer alice opened") { Self.promptLine($0).contains("[2 alice]") }
        #expect(screen.contains("buyer 2 alice"), "\(screen)")
        _ = try REPLFixtures.ask(t, Self.orderB, block: 2)
        var answer = Self.lastAnswer(try REPLFixtures.ask(t, Self.urge, block: 3))
        #expect(answer.contains("5556667778") && !answer.contains("1234567890"), "alice's order only:\n\(answer)")

        // Back to the first buyer: their drafts again, then their own order.
        screen = try Self.command(t, ":buyer 1", "buyer 1 again") {
            Self.promptLine($0).contains("kefu [1] · auto ›") && $0.occurrences(of: "or Enter: copy") >= 4
        }
        #expect(screen.contains("buyer 1 · 1 message · about urge_delivery"), "\(screen)")
        #expect(screen.contains("last message: " + Self.orderA), "\(screen)")
        answer = Self.lastAnswer(try REPLFixtures.ask(t, Self.urge, block: 5))
        #expect(answer.contains("from earlier order_id=1234567890") && !answer.contains("5556667778"), "\(answer)")
        #expect(Self.promptLine(try t.screen()).contains("[1]"))

        screen = try Self.command(t, ":buyers", "the buyers listed") { $0.contains(":buyer N or :buyer NAME switches") }
        let lines = screen.screenLines
        let one = try #require(lines.last { $0.hasPrefix("› 1 ") }, "\(screen)")
        let alice = try #require(lines.last { $0.hasPrefix("  2 alice") }, "\(screen)")
        #expect(one.contains("urge_delivery") && one.contains("2 messages"), "\(one)")
        #expect(alice.contains("urge_delivery") && alice.contains("2 messages"), "\(alice)")

        // Each buyer's messages are their own thread in the usage log.
        let usage = sandbox.read(sandbox.statePath("usage/usage.jsonl"))
        let threads = usage.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["thread"] as? String
        }
        #expect(threads.count == 4 && Set(threads).count == 2, "\(threads)")
        #expect(threads[1] == threads[2] && threads[0] == threads[3] && threads[0] != threads[1], "\(threads)")
    }

    @Test func theFirstBuyerTakesANameGivenBeforeAnyMessage() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        defer { t.stopServer() }
        let screen = try Self.command(t, ":buyer 王女士", "the buyer named") { Self.promptLine($0).contains("kefu [1 王女士] · auto ›") }
        #expect(screen.contains("this buyer is now 1 王女士"), "\(screen)")
        try Self.command(t, ":buyer bob", "the second buyer") { Self.promptLine($0).contains("kefu [2 bob] · auto ›") }
        try Self.command(t, ":buyer 王女士", "back to the first") { Self.promptLine($0).contains("kefu [1 王女士] · auto ›") }
    }

    /// A follow-up means what its thread is about: copying its draft must
    /// not teach its words alone that intent (they would then be confident
    /// in every other thread too).
    @Test func copyingAFollowUpsDraftTeachesNothing() throws {
        let sandbox = try Sandbox()
        let t = try REPLLearningTests.start(sandbox)
        defer { t.stopServer() }
        _ = try REPLFixtures.ask(t, "我的快递到哪了", block: 1)
        let answer = Self.lastAnswer(try REPLFixtures.ask(t, "怎么样了", block: 2))
        #expect(answer.contains("follow-up of logistics"), "\(answer)")
        try t.keys("Enter")
        let screen = try t.waitFor("the copy and the prompt") { $0.contains("copied draft 1") && REPLFixtures.atPrompt($0) }
        #expect(!screen.contains("learned "), "\(screen)")
        let copies = REPLLearningTests.usageLines(sandbox).filter { $0["event"] as? String == "copied" }
        #expect(copies.count == 1, "the copy itself is recorded")
    }

    @Test func newForgetsWhatWasCarried() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        defer { t.stopServer() }
        _ = try REPLFixtures.ask(t, Self.orderA, block: 1)
        var answer = Self.lastAnswer(try REPLFixtures.ask(t, Self.urge, block: 2))
        #expect(answer.contains("from earlier order_id=1234567890"), "\(answer)")
        try Self.command(t, ":new", "a new thread") { $0.contains("new thread") }
        answer = Self.lastAnswer(try REPLFixtures.ask(t, Self.urge, block: 3))
        #expect(!answer.contains("from earlier") && !answer.contains("1234567890"), "\(answer)")
        #expect(Self.promptLine(try t.screen()) == "kefu · auto ›", "one buyer: the prompt is unchanged")
    }
}
