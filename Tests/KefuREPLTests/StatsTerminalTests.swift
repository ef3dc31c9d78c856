import Foundation
import KefuTestSupport
import Testing

/// `kefu stats` in a real terminal (tmux): colour on a terminal and none
/// with NO_COLOR, bars and sparkline drawn for the pane's width with
/// Chinese intent names (two columns each), nothing wrapped by the terminal.
@Suite(.serialized) struct StatsTerminalTests {
    static let width = 64

    /// A usage log with intents named in Chinese, long and short.
    static func writeLog(_ sandbox: Sandbox) throws {
        var lines: [String] = []
        let intents = ["logistics", "礼品卡和会员积分怎么兑换的问题", "预售定金", "refund_return"]
        for n in 1...40 {
            let intent = intents[n % intents.count]
            let day = 1 + n % 6
            let time = "2026-11-0\(day)T10:\(String(format: "%02d", n)):00.000Z"
            lines.append(
                #"{"drafts":[{"id":"logistics.stuck","rank":1}],"event":"answered","generic":false,"hedged":false,"intents":[{"confidence":0.9,"intent":"\#(intent)","reported":true}],"language":"zh-Hans","message":\#(n),"text":"…","thread":"s-1","time":"\#(time)","v":1}"#
            )
            if n % 3 != 0 {
                let copied = n % 5 == 0 ? "bargain" : intent
                lines.append(
                    #"{"copy":{"edit_distance":0,"edited":false,"ids":["logistics.stuck"],"intent":"\#(copied)","keystrokes":1,"ranks":[1],"seconds":2.5},"event":"copied","message":\#(n),"thread":"s-1","time":"\#(time)","v":1}"#
                )
            }
        }
        try sandbox.write(sandbox.statePath("usage/usage.jsonl"), lines.joined(separator: "\n") + "\n")
    }

    /// Runs `kefu stats` in a pane and returns it once kefu has exited.
    static func run(_ sandbox: Sandbox, environment: [String: String]) throws -> TmuxTerminal {
        let t = TmuxTerminal(sandbox: sandbox, width: width, height: 60)
        try t.start(["stats", "--no-user-packs"], environment: environment, linger: true)
        #expect(try t.waitForExit() == 0)
        try t.waitFor(text: "intents by miss rate")
        return t
    }

    static func checkLayout(_ t: TmuxTerminal) throws {
        let screen = try t.visibleJoined()
        #expect(screen.contains("礼品卡"), "\(screen)")
        #expect(screen.contains("█"), "bars drawn: \(screen)")
        #expect(screen.contains("messages per day"))
        for line in screen.screenLines {
            #expect(ScreenWidth.of(line) <= width, "wider than the pane (\(ScreenWidth.of(line))): \(line)")
        }
        // Bars end in one column, whatever the width of the names before them.
        let volume = screen.screenLines.drop { !$0.hasPrefix("intents by volume") }.dropFirst().prefix { !$0.isEmpty }
        #expect(volume.count == 5, "\(volume)")
        let ends = Set(volume.map { ScreenWidth.of($0) })
        #expect(ends.count == 1 && ends.first! > width - 8, "right-aligned counts at the pane's edge: \(volume)")
    }

    @Test func coloursOnATerminal() throws {
        let sandbox = try Sandbox()
        try Self.writeLog(sandbox)
        let t = try Self.run(sandbox, environment: [:])
        let styled = try t.screenWithAttributes()
        #expect(styled.contains("\u{1B}[36m"), "cyan bars: \(styled.debugDescription.prefix(400))")
        #expect(styled.contains("\u{1B}[1m"), "bold headings")
        try Self.checkLayout(t)
    }

    @Test func plainWithNO_COLOR() throws {
        let sandbox = try Sandbox()
        try Self.writeLog(sandbox)
        let t = try Self.run(sandbox, environment: ["NO_COLOR": "1"])
        let styled = try t.screenWithAttributes()
        #expect(!styled.contains("\u{1B}["), "no escape sequences: \(styled.debugDescription.prefix(400))")
        try Self.checkLayout(t)
    }
}
