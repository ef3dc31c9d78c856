import Foundation
import KefuTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Learning and the usage log on the real binary in a terminal: a copy for
/// a message kefu missed answers the next identical message with the
/// copied draft's intent, `:intent` labels one, and the usage log keeps
/// every record through a killed terminal.
@Suite(.timeLimit(.minutes(3)))
struct REPLLearningTests {
    /// A message no pack recognises (invented words), asked of the built-in
    /// packs and the widget pack, with the user's layers on: learning needs
    /// them (--no-user-packs skips the learned examples and learns nothing).
    static let missed = "咕噜咕噜呢"

    static func start(_ sandbox: Sandbox, session: String = "main") throws -> TmuxTerminal {
        let pack = try sandbox.write("packs/widget.yaml", REPLFixtures.widgetPack)
        let t = TmuxTerminal(sandbox: sandbox)
        try t.start(["--snippets", pack], session: session)
        try t.waitFor(text: "kefu 客服", session: session)
        try t.waitFor("the prompt", session: session) { $0.contains("auto ›") }
        return t
    }

    static func usageLines(_ sandbox: Sandbox) -> [[String: Any]] {
        let text = sandbox.read(sandbox.statePath("usage/usage.jsonl"))
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// Two REPLs at once (an agent with two terminals): both append to the
    /// one usage log; every record arrives whole, none is lost, and each
    /// REPL's messages are under a thread of its own.
    @Test func twoREPLsAtOnceShareTheUsageLogAndLoseNothing() throws {
        let sandbox = try Sandbox()
        let t = try Self.start(sandbox)
        try t.start(["--snippets", sandbox.path + "/packs/widget.yaml"], session: "second")
        try t.waitFor("the second prompt", session: "second") { $0.contains("auto ›") }
        for round in 1...3 {
            for session in ["main", "second"] {
                _ = try REPLFixtures.ask(t, "我的小部件到了吗 \(session) \(round)", block: round, session: session)
                try t.keys("Enter", session: session)
                try t.waitFor("copy \(round) in \(session)", session: session) {
                    $0.occurrences(of: "copied draft 1") >= round && REPLFixtures.atPrompt($0)
                }
            }
        }
        let text = sandbox.read(sandbox.statePath("usage/usage.jsonl"))
        let lines = text.split(separator: "\n")
        let records = Self.usageLines(sandbox)
        #expect(records.count == lines.count, "every line a whole record:\n\(text)")
        let answered = records.filter { $0["event"] as? String == "answered" }
        let copied = records.filter { $0["event"] as? String == "copied" }
        #expect(answered.count == 6 && copied.count == 6, "\(records)")
        let threads = Set(answered.compactMap { $0["thread"] as? String })
        #expect(threads.count == 2, "\(threads)")
    }

    @Test func copyingADraftForAMissedMessageAnswersTheNextOneWithItsIntent() throws {
        let sandbox = try Sandbox()
        let t = try Self.start(sandbox)
        var screen = try REPLFixtures.ask(t, Self.missed, block: 1)
        #expect(!screen.contains("t.widget"), "missed before learning:\n\(screen)")
        // The agent finds the right reply by id and copies it.
        try t.type(":snippet t.widget.sorry")
        try t.keys("Enter")
        try t.waitFor("the snippet and the prompt") { $0.occurrences(of: "or Enter: copy") >= 2 && REPLFixtures.atPrompt($0) }
        try t.keys("Enter")
        screen = try t.waitFor(text: "learned t.widget")
        #expect(screen.contains("1 of 3 votes"), "\(screen)")
        // The very next identical message: answered with the learned intent
        // (a marked guess until confirmed), its draft first.
        screen = try REPLFixtures.ask(t, Self.missed, block: 3)
        let header = try #require(screen.screenLines.last { $0.contains("● ") }, "\(screen)")
        #expect(header.contains("t.widget"), "\(header)")
        let after = screen.components(separatedBy: header).last ?? ""
        #expect(after.draftNumber(containing: "亲，非常抱歉让您久等了！") == 1, "\(screen)")

        // The learned pack and the usage log are private to the user.
        let learned = sandbox.statePath("learned/learned.yaml")
        let usage = sandbox.statePath("usage/usage.jsonl")
        for path in [learned, usage] {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(mode == 0o600, "\(path): \(String(mode, radix: 8))")
        }
        #expect(try String(contentsOfFile: learned, encoding: .utf8).contains("咕噜咕噜呢"))
    }

    @Test func intentLabelsTheMessageAndTheUsageLogSurvivesAKill() throws {
        let sandbox = try Sandbox()
        let t = try Self.start(sandbox)
        _ = try REPLFixtures.ask(t, "我的电话13812345678，" + Self.missed, block: 1)
        try t.type(":intent t.widget")
        try t.keys("Enter")
        // Labelled, confirmed at once, and the drafts shown again for it.
        let screen = try t.waitFor("the label and the redrawn drafts") {
            $0.contains("learned t.widget") && $0.occurrences(of: "or Enter: copy") >= 2 && REPLFixtures.atPrompt($0)
        }
        #expect(screen.contains("confirmed"), "\(screen)")
        try t.keys("Enter")
        try t.waitFor("the copy and the prompt") { $0.contains("copied draft 1") && REPLFixtures.atPrompt($0) }
        // A killed terminal: every record written so far is whole in the log.
        let pid = try #require(try t.kefuPID())
        kill(pid, SIGKILL)
        _ = try t.waitForExit()
        let records = Self.usageLines(sandbox)
        let events = records.compactMap { $0["event"] as? String }
        // The copy of a draft of the labelled intent is one more vote for it.
        #expect(events == ["answered", "labelled", "copied", "learned"], "\(records)")
        let answered = try #require(records.first)
        let text = try #require(answered["text"] as? String)
        #expect(text.contains("⟨phone⟩") && !text.contains("13812345678"), "redacted: \(text)")
        let copy = try #require(records.first { $0["event"] as? String == "copied" }?["copy"] as? [String: Any])
        #expect(copy["intent"] as? String == "t.widget" && (copy["ranks"] as? [Int]) == [1], "\(copy)")
        #expect(copy["edited"] as? Bool == false)
        let learned = try String(contentsOfFile: sandbox.statePath("learned/learned.yaml"), encoding: .utf8)
        #expect(learned.contains("⟨phone⟩") && !learned.contains("13812345678"), "\(learned)")
    }

    /// Ranking learns: a draft the agent keeps choosing over the first
    /// becomes the first, and `? 1` says why.
    @Test func aDraftPickedEveryTimeMovesFirstAndSaysWhy() throws {
        let sandbox = try Sandbox()
        let t = try Self.start(sandbox)
        let message = "我的小部件到了吗"
        var block = 0
        for copies in 1...3 {
            block += 1
            let screen = try REPLFixtures.ask(t, message, block: block)
            let n = try #require(
                screen.components(separatedBy: "› " + message).last?.draftNumber(containing: REPLFixtures.byeZh), "\(screen)")
            if copies == 1 { #expect(n > 1, "not first before any pick: \(screen)") }
            try t.type(String(n))
            try t.keys("Enter")
            try t.waitFor("copy \(copies)") { $0.occurrences(of: "copied draft") >= copies && REPLFixtures.atPrompt($0) }
        }
        block += 1
        let screen = try REPLFixtures.ask(t, message, block: block)
        let last = screen.components(separatedBy: "› " + message).last ?? ""
        #expect(last.draftNumber(containing: REPLFixtures.byeZh) == 1, "\(screen)")
        try t.type("? 1")
        try t.keys("Enter")
        try t.waitFor(text: "picked 3 of 3 times")
        #expect(FileManager.default.fileExists(atPath: sandbox.statePath("learned/picks.json")))
    }

    /// `usage: off`: answers and copies leave no usage log; learning goes on.
    @Test func usageOffKeepsNoLog() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.writeConfig("usage: off\n")
        let t = try Self.start(sandbox)
        _ = try REPLFixtures.ask(t, Self.missed, block: 1)
        try t.type(":intent t.widget")
        try t.keys("Enter")
        try t.waitFor(text: "learned t.widget")
        try t.keys("Enter")
        try t.waitFor(text: "copied draft 1")
        #expect(!FileManager.default.fileExists(atPath: sandbox.statePath("usage")))
        #expect(FileManager.default.fileExists(atPath: sandbox.statePath("learned/learned.yaml")))
    }
}
