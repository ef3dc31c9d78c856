import Foundation
import KefuTestSupport
import Testing

/// What is on the screen is what the keys act on: drafts rendered again
/// when values, packs, config.yaml or the window change, and text wrapped by
/// kefu at word boundaries rather than cut by the terminal. The real binary
/// in tmux.
@Suite(.timeLimit(.minutes(3)))
struct REPLScreenRefreshTests {
    /// A snippet with a required ⟨carrier⟩, ranked first for the widget intent.
    static let carrierPack = """
        pack:
          id: t.repl-carrier
          name: carrier blank
          version: 1.0.0
          languages: [zh-Hans, en]
        snippets:
          - id: t.widget.carrier
            intents: [t.widget]
            kind: logistics
            priority: 99
            text:
              zh-Hans: 亲，您的小部件由 {{carrier}} 派送。
              en: Your widget goes with {{carrier}}.

        """

    /// The lines after the last `marker` on the screen ("" before it shows).
    static func after(_ marker: String, in screen: String) -> String {
        guard let r = screen.range(of: marker, options: .backwards) else { return "" }
        return String(screen[r.upperBound...])
    }

    static func tooWide(_ text: String, width: Int) -> [String] {
        text.screenLines.filter { ScreenWidth.of($0) > width }
    }

    @Test func aValueTypedAtABlankFillsTheDraftsOnTheScreenAndWhy() throws {
        let sandbox = try Sandbox()
        let carrier = try sandbox.write("packs/carrier.yaml", Self.carrierPack)
        let (t, _) = try REPLFixtures.start(sandbox, extra: ["--snippets", carrier])
        let screen = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        let n = try #require(screen.draftNumber(containing: "亲，您的小部件由 ⟨carrier⟩ 派送。"), "\(screen)")
        try t.type(String(n))
        try t.keys("Enter")
        try t.waitFor(text: "⟨carrier⟩ =")
        try t.type("顺丰")
        try t.keys("Enter")
        try t.waitForClipboard("亲，您的小部件由 顺丰 派送。")
        // The drafts are shown again below the copy, with the value in.
        let redrawn = try t.waitFor("the drafts again with the carrier") { s in
            Self.after("copied draft \(n)", in: s).occurrences(of: "or Enter: copy") == 1 && REPLFixtures.atPrompt(s)
        }
        let block = Self.after("copied draft \(n)", in: redrawn)
        let m = try #require(block.draftNumber(containing: "亲，您的小部件由 顺丰 派送。"), "the draft filled on the screen:\n\(block)")
        #expect(m == n, "the draft keeps its number:\n\(block)")
        #expect(!block.contains("⟨carrier⟩"), "\(block)")
        // `? N` no longer says the value is missing.
        try t.type("? \(m)")
        try t.keys("Enter")
        let why = Self.after("? \(m)", in: try t.waitFor(text: "t.widget.carrier", count: 1))
        #expect(!why.contains("needs:"), "\(why)")
        // Right after a copy Enter copies nothing more.
        try t.keys("Enter")
        t.settle()
        #expect(try t.screen().occurrences(of: "copied draft") == 1)

        // :set fills a blank on the screen and `? N` alike.
        try t.type(":set tracking_no SF99")
        try t.keys("Enter")
        let set = try t.waitFor("the drafts with the tracking number") {
            Self.after("tracking_no = SF99", in: $0).contains("单号是 SF99") && REPLFixtures.atPrompt($0)
        }
        let k = try #require(Self.after("tracking_no = SF99", in: set).draftNumber(containing: "单号是 SF99"))
        try t.type("? \(k)")
        try t.keys("Enter")
        let why2 = Self.after("? \(k)", in: try t.waitFor(text: "t.widget.track"))
        #expect(why2.contains("needs: ⟨order_id⟩") && !why2.contains("⟨tracking_no⟩"), "\(why2)")
    }

    @Test func reloadRedrawsTheDraftsAndEnterCopiesTheNewText() throws {
        let sandbox = try Sandbox()
        let (t, pack) = try REPLFixtures.start(sandbox, extra: ["--var", "tracking_no=SF1", "--var", "order_id=A7"])
        var screen = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        #expect(screen.contains("订单 A7 正在派送中。"))
        try sandbox.rewrite(pack, REPLFixtures.widgetPack.replacingOccurrences(of: "正在派送中。", with: "已经到达驿站。"))
        try t.type(":reload")
        try t.keys("Enter")
        screen = try t.waitFor("the drafts again after :reload") { s in
            Self.after(":reload", in: s).contains("or Enter: copy") && REPLFixtures.atPrompt(s)
        }
        let block = Self.after(":reload", in: screen)
        #expect(block.contains("packs reloaded"), "\(block)")
        #expect(block.contains("订单 A7 已经到达驿站。") && !block.contains("正在派送中"), "the new text on the screen:\n\(block)")
        try t.keys("Enter")
        try t.waitForClipboard("亲，您的小部件单号是 SF1，\n订单 A7 已经到达驿站。")
    }

    @Test func reloadReadsConfigYAMLAgain() throws {
        let sandbox = try Sandbox()
        let config = try sandbox.writeConfig("shop: 小鹿家居\n")
        let (t, _) = try REPLFixtures.start(sandbox)
        try t.waitFor(text: "小鹿家居 · auto ›")
        _ = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        try sandbox.rewrite(config, "shop: 大象家居\ndrafts: 2\nlanguage: klingon\n")
        try t.type(":reload")
        try t.keys("Enter")
        let screen = try t.waitFor("the new shop in the prompt") { Self.after(":reload", in: $0).contains("大象家居 · auto ›") }
        let block = Self.after(":reload", in: screen)
        #expect(block.contains("config.yaml read again"), "\(block)")
        #expect(block.contains("config.yaml:3:11: error: 'language'"), "its problems are shown:\n\(block)")
        let drafts = try REPLFixtures.ask(t, "where is my widget", block: 3)
        #expect(Self.after("where is my widget", in: drafts).contains("1-2 or Enter: copy"), "drafts: 2 applies:\n\(drafts)")
    }

    @Test func aResizedWindowShowsTheDraftsAtTheNewWidthWithoutCtrlL() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        _ = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        try t.resize(width: 50, height: 40)
        let visible = try t.waitForVisible("the drafts laid out at 50 columns", timeout: 10) { v in
            v.contains("亲，您的小部件单号是") && Self.tooWide(v, width: 50).isEmpty && REPLFixtures.atPrompt(v)
        }
        #expect(visible.contains("or Enter: copy"))
        // Wider again: laid out again, the long draft on fewer lines.
        try t.resize(width: 100, height: 40)
        _ = try t.waitForVisible("the drafts at 100 columns") { v in
            v.screenLines.contains { $0.contains("亲，您的小部件单号是 ⟨tracking_no⟩，") } && REPLFixtures.atPrompt(v)
                && v.screenLines.contains { ScreenWidth.of($0) > 50 }
        }
        _ = try REPLFixtures.ask(t, "where is my widget", block: 2)
    }

    @Test func intentsAndErrorsWrapAtWordsAndCountsAgree() throws {
        let sandbox = try Sandbox()
        let lonely = try sandbox.write(
            "packs/lonely.yaml",
            """
            pack:
              id: t.lonely
              name: one draft
              version: 1.0.0
              languages: [zh-Hans, en]
            intents:
              - id: t.lonely
                description: The buyer asks whether the extraordinarily comprehensive warranty covers accidental damage abroad，也问保修范围包括哪些意外损坏和海外维修服务网点的具体情况。
                triggers:
                  en: [warranty abroad]
                examples:
                  en: [does the warranty cover it abroad, is there warranty abroad]
            snippets:
              - id: t.lonely.only
                intents: [t.lonely]
                kind: answer
                text:
                  en: Yes, it is covered.

            """)
        let broken = try sandbox.write(
            "packs/broken.yaml", "pack:\n  id: t.broken\n  name: [unclosed because someone saved the file halfway through typing\n")
        let (t, _) = try REPLFixtures.start(sandbox, extra: ["--snippets", lonely, "--snippets", broken], width: 60)
        try t.type(":intents")
        try t.keys("Enter")
        let screen = try t.waitFor("the intents") { $0.contains("t.lonely") && REPLFixtures.atPrompt($0) }
        #expect(screen.contains("1 draft · t.lonely"), "\(screen)")
        // "1 drafts" as a count of its own ("11 drafts" is fine).
        #expect(screen.range(of: #"(^|[^0-9])1 drafts"#, options: .regularExpression) == nil, "\(screen)")
        #expect(screen.contains("4 drafts · t.repl-widget"))
        let joined = try t.tmux(["capture-pane", "-p", "-J", "-t", "main", "-S", "-400"]).out
        #expect(Self.tooWide(joined, width: 60).isEmpty, "kefu wrapped every line itself: \(Self.tooWide(joined, width: 60))")
        // Words stay whole: each word of the English description is on one line.
        for word in ["extraordinarily", "comprehensive", "accidental"] {
            #expect(joined.screenLines.contains { $0.contains(word) }, "\(word) cut in two:\n\(joined)")
        }
        #expect(joined.contains("broken.yaml:"), "the error is shown:\n\(joined)")
        try t.type(":packs")
        try t.keys("Enter")
        _ = try t.waitFor("the packs") { Self.after(":packs", in: $0).contains("t.lonely") && REPLFixtures.atPrompt($0) }
        let packs = Self.after(":packs", in: try t.tmux(["capture-pane", "-p", "-J", "-t", "main", "-S", "-400"]).out)
        #expect(packs.contains(" 1 snippet ") && !packs.contains(" 1 snippets"), "\(packs)")
    }

    @Test func settingAnUnknownValueSuggestsTheKnownNameAndStillSetsIt() throws {
        let sandbox = try Sandbox()
        try sandbox.writeConfig("variables:\n  hotline: 400-000-0000\n")
        let (t, _) = try REPLFixtures.start(sandbox)
        try t.type(":set oder_id 123")
        try t.keys("Enter")
        let screen = try t.waitFor(text: "did you mean 'order_id'?")
        #expect(screen.contains("oder_id = 123"))
        // Known names: a snippet's, an entity's, the configuration's: no warning.
        for line in [":set order_id 5", ":set carrier 顺丰", ":set hotline 400-1", ":set buyer 王女士"] {
            try t.type(line)
            try t.keys("Enter")
            try t.waitFor("the prompt after \(line)") {
                REPLFixtures.atPrompt(Self.after(line, in: $0)) && Self.after(line, in: $0).contains(" = ")
            }
        }
        try t.type(":vars")
        try t.keys("Enter")
        let vars = try t.waitFor("the values") { Self.after(":vars", in: $0).contains("buyer") && REPLFixtures.atPrompt($0) }
        #expect(Self.after(":vars", in: vars).contains("oder_id"), "set all the same:\n\(vars)")
        #expect(vars.occurrences(of: "did you mean") == 1 && vars.occurrences(of: "not used by any") == 1, "\(vars)")
    }
}
