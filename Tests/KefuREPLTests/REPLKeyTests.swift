import Foundation
import KefuTestSupport
import Testing

/// Keys the terminal driver or libedit used to swallow or misread: Ctrl-S
/// (flow control), Ctrl-D right after a Ctrl-C, Enter ending a Ctrl-R search.
/// The real binary in tmux, as an agent presses them.
@Suite(.timeLimit(.minutes(3)))
struct REPLKeyTests {
    /// Whether the last non-empty screen line ends with `text`.
    static func lastLine(_ screen: String, endsWith text: String) -> Bool {
        screen.screenLines.last { !$0.isEmpty }?.hasSuffix(text) == true
    }

    @Test func ctrlSNeitherFreezesTheScreenNorIsLostAndFlowControlComesBackAtExit() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        // With IXON on, the terminal stops all output at Ctrl-S: what is
        // typed next is never echoed (until Ctrl-Q).
        try t.keys("C-s")
        try t.type("typed after")
        try t.waitFor("the line typed after Ctrl-S", timeout: 5) { Self.lastLine($0, endsWith: "auto › typed after") }
        try t.keys("C-u")

        // In a history search Ctrl-S is the newer match (docs/repl.md).
        _ = try REPLFixtures.ask(t, "第一个小部件在哪", block: 1)
        _ = try REPLFixtures.ask(t, "第二个小部件在哪", block: 2)
        try t.keys("C-r")
        try t.type("小部件")
        try t.waitFor(text: "search ‘小部件’ › 第二个小部件在哪")
        try t.keys("C-r")
        try t.waitFor(text: "search ‘小部件’ › 第一个小部件在哪")
        try t.keys("C-s")
        try t.waitFor("the newer match again", timeout: 5) { Self.lastLine($0, endsWith: "search ‘小部件’ › 第二个小部件在哪") }
        try t.keys("C-g", "C-u")

        // The terminal gets its own settings back, flow control included.
        try t.type(":q")
        try t.keys("Enter")
        #expect(try t.waitForExit() == 0)
        let settings = try #require(try t.terminalSettingsAfterExit())
        let flags = Set(settings.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(flags.contains("ixon") && !flags.contains("-ixon"), "flow control as kefu found it:\n\(settings)")
        #expect(flags.contains("icanon") && flags.contains("echo"), "\(settings)")
    }

    @Test func ctrlDQuitsRightAfterACtrlC() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        try t.keys("C-c")
        try t.waitFor(text: "^C")
        try t.keys("C-d")
        let status = try t.waitForExit()
        let screen = try t.screen()
        #expect(status == 0, "Ctrl-D on the empty line after a Ctrl-C quits:\n\(screen)")
        #expect(screen.occurrences(of: "^C") == 1, "Ctrl-D is not read as a second Ctrl-C:\n\(screen)")

        // Also after a cancelled line with text on it.
        let (t2, _) = try REPLFixtures.start(Sandbox())
        try t2.type("半句话")
        // The line is on the screen before Ctrl-C cancels it (typed keys and
        // the interrupt otherwise race on a loaded machine).
        try t2.waitFor(text: "auto › 半句话")
        try t2.keys("C-c")
        try t2.waitFor(text: "^C")
        try t2.keys("C-d")
        #expect(try t2.waitForExit() == 0)
    }

    @Test func enterAcceptsASearchAsAnOrdinaryLineAndTheDraftsStartBelowIt() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        _ = try REPLFixtures.ask(t, "我的小部件到了吗？急！", block: 1)
        try t.keys("C-r")
        try t.type("急")
        try t.waitFor(text: "search ‘急’ › 我的小部件到了吗？急！")
        try t.keys("Enter")
        let screen = try t.waitFor("the drafts of the recalled message") { screen in
            screen.occurrences(of: "or Enter: copy") >= 2 && REPLFixtures.atPrompt(screen)
        }
        let lines = screen.screenLines
        let headers = lines.indices.filter { lines[$0].hasPrefix("● ") }
        #expect(headers.count == 2, "each header on a line of its own:\n\(screen)")
        let second = try #require(headers.last)
        #expect(
            lines[second - 1].hasSuffix("auto › 我的小部件到了吗？急！"),
            "the accepted line is shown with the normal prompt:\n\(screen)")
        #expect(!lines[second - 1].contains("search ‘"), "\(screen)")
    }
}
