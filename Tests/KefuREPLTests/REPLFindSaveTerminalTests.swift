import Foundation
import KefuTestSupport
import Testing

/// `/word`, `:find` and `:save` on the real binary in a terminal: found
/// snippets in both scripts, a found snippet copied to the clipboard and
/// teaching the next message, a saved reply offered for the next message,
/// an invalid id refused with nothing written.
@Suite(.timeLimit(.minutes(3)))
struct REPLFindSaveTerminalTests {
    /// kefu on the built-in packs and `FindTestPack`, with the user's layers
    /// on (learning and `:save` need them), in the sandbox's XDG folders.
    static func start(_ sandbox: Sandbox, width: Int = 110) throws -> TmuxTerminal {
        let pack = try sandbox.write("packs/find.yaml", FindTestPack.yaml)
        let t = TmuxTerminal(sandbox: sandbox, width: width)
        try t.start(["--snippets", pack])
        try t.waitFor(text: "kefu 客服")
        try t.waitFor("the prompt") { $0.contains("auto ›") }
        return t
    }

    /// Types a line key by key, waits until it is on the screen (keys sent
    /// before libedit has echoed it could overtake it), then presses Enter.
    static func enter(_ t: TmuxTerminal, _ line: String) throws {
        try t.type(line)
        try t.waitFor("“\(line)” typed") { $0.screenLines.last { !$0.isEmpty }?.hasSuffix(line) == true }
        try t.keys("Enter")
    }

    static func savedPath(_ sandbox: Sandbox) -> String { sandbox.configPath("snippets/saved.yaml") }

    @Test func findWorksAcrossScripts() throws {
        let sandbox = try Sandbox()
        let t = try Self.start(sandbox)
        // Simplified query, a snippet written only in Traditional.
        try Self.enter(t, "/花车礼袋")
        var screen = try t.waitFor("the Traditional snippet") { $0.contains("t.gadget.wrap · t.gadget") && REPLFixtures.atPrompt($0) }
        #expect(screen.contains("found 1 snippet for “花车礼袋”"), "\(screen)")
        #expect(screen.contains("親，花車禮袋免費包裝喔～"), "\(screen)")
        // Traditional query, a snippet written only in Simplified (shown in
        // the query's script: there is no message yet).
        try Self.enter(t, "/鳥語禮盒")
        screen = try t.waitFor("the Simplified snippet") { $0.contains("t.gadget.bird · t.gadget") && REPLFixtures.atPrompt($0) }
        #expect(screen.contains("親，鳥語禮盒今天發出哦～"), "\(screen)")
        // :find is the same search; nothing found says so, with a hint.
        try Self.enter(t, ":find gadgte")
        try t.waitFor(text: "no snippet matches “gadgte” — did you mean gadget?")
    }

    /// Found snippets are laid out by the drafts' own code: wrapped to the
    /// window, labels too, and drawn again the same way by Ctrl-L.
    @Test func foundSnippetsFitANarrowWindowAndCtrlLKeepsTheirLabels() throws {
        let sandbox = try Sandbox()
        let t = try Self.start(sandbox, width: 44)
        try Self.enter(t, "/物流 运费")
        try t.waitFor("the results") { $0.contains("or Enter: copy") && REPLFixtures.atPrompt($0) }
        // The banner above is not the search's (and not checked here).
        let joined = try t.tmux(["capture-pane", "-p", "-J", "-t", "main", "-S", "-400"]).out
        let results = REPLScreenRefreshTests.after("/物流 运费", in: joined)
        #expect(results.contains("found "), "\(joined)")
        #expect(REPLScreenRefreshTests.tooWide(results, width: 44).isEmpty, "\(REPLScreenRefreshTests.tooWide(results, width: 44))")
        let label = try Regex(#"[a-z]\.[a-z-]+ · [a-z_]+"#)
        #expect(results.contains(label), "\(results)")
        try t.keys("C-l")
        let redrawn = try t.waitForVisible("the results drawn again") { $0.contains("or Enter: copy") && REPLFixtures.atPrompt($0) }
        #expect(redrawn.contains(label), "labels drawn again: \(redrawn)")
    }

    @Test func copyingAFoundSnippetFillsTheClipboardAndTeachesTheNextMessage() throws {
        let sandbox = try Sandbox()
        let t = try Self.start(sandbox)
        let missed = "咕噜咕噜呢"
        var screen = try REPLFixtures.ask(t, missed, block: 1)
        let first = try #require(screen.screenLines.last { $0.contains("● ") })
        #expect(!first.contains("t.gadget"), "missed before: \(first)")
        try Self.enter(t, "/鸟语礼盒")
        try t.waitFor("the found snippet and the prompt") {
            $0.contains("t.gadget.bird · t.gadget") && $0.occurrences(of: "or Enter: copy") >= 2 && REPLFixtures.atPrompt($0)
        }
        // Enter right after the results copies the first, as after drafts.
        try t.keys("Enter")
        try t.waitFor(text: "copied draft 1 via OSC 52")
        try t.waitForClipboard("亲，鸟语礼盒今天发出哦～")
        try t.waitFor(text: "learned t.gadget for this message")
        screen = try REPLFixtures.ask(t, missed, block: 3)
        let header = try #require(screen.screenLines.last { $0.contains("● ") }, "\(screen)")
        #expect(header.contains("t.gadget"), "answered with the taught intent: \(header)")
        let records = sandbox.read(sandbox.statePath("usage/usage.jsonl"))
        #expect(records.contains("\"found\":true"), "\(records)")
    }

    @Test func saveRefusesAnInvalidIDThenWritesASnippetOfferedForTheNextMessage() throws {
        let sandbox = try Sandbox()
        let t = try Self.start(sandbox)
        var screen = try REPLFixtures.ask(t, "我的小玩意到了吗 SF1234567890123", block: 1)
        let n = try #require(screen.draftNumber(containing: "亲，您的小玩意单号是"), "\(screen)")
        try Self.enter(t, "e \(n)")
        try t.waitFor(text: "✎ \(n) › 亲，您的小玩意单号是 SF1234567890123，正在派送中。")
        try t.keys("C-e")
        try t.type("我帮您盯着！")
        try t.waitFor(text: "正在派送中。我帮您盯着！")
        try t.keys("Enter")
        try t.waitFor(text: "copied edited draft \(n)")

        // An invalid id is refused; Ctrl-C then cancels: nothing written.
        try Self.enter(t, ":save")
        try t.waitFor(text: "intent [t.gadget] (Tab completes) ›")
        try t.keys("Enter")
        try t.waitFor(text: "id [t.gadget.saved-1] ›")
        try Self.enter(t, "Bad Id")
        try t.waitFor(text: "'Bad Id' is not a valid id")
        try t.waitFor(text: "id [t.gadget.saved-1] ›", count: 2)
        #expect(!FileManager.default.fileExists(atPath: Self.savedPath(sandbox)))
        try t.keys("C-c")
        try t.waitFor(text: "save cancelled — nothing written")
        #expect(!FileManager.default.fileExists(atPath: Self.savedPath(sandbox)))

        // Again: Tab completes the intent, Enter takes the proposed id.
        try Self.enter(t, ":save")
        try t.waitFor(text: "intent [t.gadget] (Tab completes) ›", count: 2)
        try t.type("t.gad")
        try t.keys("Tab")
        try t.waitFor(text: "(Tab completes) › t.gadget")
        try t.keys("Enter")
        try t.waitFor(text: "id [t.gadget.saved-1] ›", count: 3)
        try t.keys("Enter")
        try t.waitFor(text: "saved t.gadget.saved-1 (t.gadget)")
        let saved = try String(contentsOfFile: Self.savedPath(sandbox), encoding: .utf8)
        #expect(saved.contains("亲，您的小玩意单号是 {{tracking_no}}，正在派送中。我帮您盯着！"), "\(saved)")

        // The next buyer's message is offered the saved reply, with its number.
        screen = try REPLFixtures.ask(t, "我的小玩意到了吗 SF5555555555555", block: 2)
        #expect(screen.contains("亲，您的小玩意单号是 SF5555555555555，正在派送中。我帮您盯着！"), "\(screen)")
    }
}
