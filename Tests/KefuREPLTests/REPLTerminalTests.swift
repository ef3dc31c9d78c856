import Foundation
import KefuTestSupport
import Testing

/// End-to-end: the real `kefu` binary in a real terminal (tmux), driven the
/// way an agent drives it: pastes, keys, the clipboard, the screen.
@Suite(.timeLimit(.minutes(3)))
struct REPLTerminalTests {
    // MARK: Messages and drafts

    @Test func chineseMultiLinePasteIsOneMessage() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        // tmux sends the paste with CR line ends inside ESC[200~ ... ESC[201~.
        let message = "在吗？\n我的小部件到了吗\n订单号 A12345，谢谢！"
        let screen = try REPLFixtures.ask(t, message, block: 1)
        #expect(screen.occurrences(of: "or Enter: copy") == 1, "one message, one block of drafts:\n\(screen)")
        #expect(screen.contains("t.widget"))
        // All three lines were shown as one input, then answered once.
        #expect(screen.contains("在吗？") && screen.contains("我的小部件到了吗") && screen.contains("订单号 A12345，谢谢！"))
        #expect(screen.occurrences(of: "● ") == 1)
        // History holds it as one entry with its line breaks.
        let history = sandbox.history()
        #expect(history.contains("在吗？\\n我的小部件到了吗\\n订单号 A12345，谢谢！"), "\(history)")
    }

    @Test func draftsComeInTheBuyersScript() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        // Traditional: 嗎 and 單 are Traditional-only.
        var screen = try REPLFixtures.ask(t, "我的小部件到了嗎？單號呢", block: 1)
        #expect(screen.contains("zh-Hant"), "\(screen)")
        #expect(screen.contains("親，非常抱歉讓您久等了！"), "\(screen)")
        #expect(!screen.contains("亲，非常抱歉让您久等了！"))
        screen = try REPLFixtures.ask(t, "我的小部件到了吗？", block: 2)
        #expect(screen.contains("zh-Hans"))
        #expect(screen.contains("亲，非常抱歉让您久等了！"))
        screen = try REPLFixtures.ask(t, "where is my widget??", block: 3)
        #expect(screen.contains("So sorry for the wait!"), "\(screen)")
    }

    @Test func aGuessIsMarkedAsAGuess() throws {
        let sandbox = try Sandbox()
        // A team lead's threshold no intent reaches: "how to use it" is then
        // plausibly a product question, not confidently: a marked guess with
        // its confidence, never generic "let me check" drafts.
        _ = try sandbox.writeConfig("threshold: 0.9999\n")
        let (t, _) = try REPLFixtures.start(sandbox)
        let screen = try REPLFixtures.ask(t, "how to use it", block: 1)
        let header = try #require(screen.screenLines.first { $0.contains("● ") }, "\(screen)")
        #expect(header.contains("● ? product_info"), "\(header)")
        #expect(header.contains("%?") && header.contains("a guess, not sure"), "\(header)")
        #expect(!header.contains("generic drafts"))
    }

    @Test func aConfidentAnswerCarriesNoMark() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        let sure = try REPLFixtures.ask(t, "where is my parcel", block: 1)
        let header = try #require(sure.screenLines.last { $0.contains("● ") })
        #expect(header.contains("● logistics") && !header.contains("?"), "\(header)")
    }

    // MARK: Copying

    @Test func copyViaOSC52IsByteExact() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        let screen = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        let n = try #require(screen.draftNumber(containing: "亲，非常抱歉让您久等了！"))
        #expect(try t.bufferCount() == 0, "the paste left no buffer behind")
        try t.type(String(n))
        try t.keys("Enter")
        try t.waitFor(text: "copied draft \(n) via OSC 52")
        try t.waitForClipboard(REPLFixtures.sorryZh)
        let copied = try #require(try t.clipboard())
        #expect(Data(copied.utf8) == Data(REPLFixtures.sorryZh.utf8))
    }

    @Test func enterRightAfterDraftsCopiesTheFirst() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox, extra: ["--var", "tracking_no=SF100200300", "--var", "order_id=A77"])
        _ = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        try t.keys("Enter")
        try t.waitFor(text: "copied draft 1 via OSC 52")
        try t.waitForClipboard("亲，您的小部件单号是 SF100200300，\n订单 A77 正在派送中。")
        // Right after a copy, Enter on an empty line does nothing more.
        try t.keys("Enter")
        try t.keys("Enter")
        t.settle()
        #expect(try t.screen().occurrences(of: "copied draft") == 1)
    }

    @Test func aPasteIsAlwaysAMessageNeverAKey() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        _ = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        // A buyer who writes just "1": pasted, it is a message, not "copy draft 1".
        let screen = try REPLFixtures.ask(t, "1", block: 2)
        #expect(!screen.contains("copied draft"))
        #expect(try t.bufferCount() == 0)
    }

    @Test func aBlankMustBeFilledOrConfirmedBeforeCopying() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        let screen = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        let n = try #require(screen.draftNumber(containing: "亲，您的小部件单号是"))
        #expect(screen.contains("fill: ⟨tracking_no⟩ ⟨order_id⟩"))
        #expect(!screen.contains("compliance:placeholder"), "the blanks are named once, on the fill: line\n\(screen)")
        try t.type(String(n))
        try t.keys("Enter")
        try t.waitFor(text: "⟨tracking_no⟩ =")
        try t.type("SF1234567890123")
        try t.keys("Enter")
        try t.waitFor(text: "⟨order_id⟩ =")
        try t.keys("Enter")  // skipped
        try t.waitFor(text: "left in? y/N")
        try t.type("n")
        try t.keys("Enter")
        try t.waitFor(text: "not copied")
        #expect(try t.clipboard() == nil)
        // The value typed is kept for this buyer: next time only order_id is asked.
        try t.type(String(n))
        try t.keys("Enter")
        try t.waitFor(text: "⟨order_id⟩ =", count: 2)
        try t.type("A-889")
        try t.keys("Enter")
        try t.waitForClipboard("亲，您的小部件单号是 SF1234567890123，\n订单 A-889 正在派送中。")
    }

    @Test func combiningKeepsOneGreetingFirstAndOneClosingLast() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        let screen = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        let hello = try #require(screen.draftNumber(containing: REPLFixtures.helloZh))
        let sorry = try #require(screen.draftNumber(containing: "亲，非常抱歉让您久等了！"))
        let bye = try #require(screen.draftNumber(containing: REPLFixtures.byeZh))
        // In the agent's order closing, apology, greeting: the greeting goes
        // first, the closing last, and the apology loses its second "亲，".
        try t.type("\(bye)+\(sorry)+\(hello)")
        try t.keys("Enter")
        try t.waitFor(text: "copied combined drafts")
        try t.waitForClipboard(REPLFixtures.helloZh + "\n" + "非常抱歉让您久等了！\n我们已经加急处理 🚚 Express，今天一定发出。" + "\n" + REPLFixtures.byeZh)
    }

    @Test func aConfiguredClipboardCommandGetsTheExactTextToo() throws {
        let sandbox = try Sandbox()
        let received = sandbox.root.appendingPathComponent("copied.txt").path
        let tool = try sandbox.write("bin/fake-copy", "#!/bin/sh\ncat > \"$1\"\n", mode: 0o755)
        try sandbox.writeConfig("clipboard: \"\(tool) '\(received)'\"\n")
        let (t, _) = try REPLFixtures.start(sandbox)
        let screen = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        let n = try #require(screen.draftNumber(containing: "亲，非常抱歉让您久等了！"))
        try t.type(String(n))
        try t.keys("Enter")
        try t.waitFor(text: "copied draft \(n) via OSC 52 + fake-copy")
        try t.waitForClipboard(REPLFixtures.sorryZh)
        let viaTool = try Data(contentsOf: URL(fileURLWithPath: received))
        #expect(viaTool == Data(REPLFixtures.sorryZh.utf8), "the tool got the same bytes on its stdin")
    }

    @Test func noClipboardPrintsOnly() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox, extra: ["--no-clipboard"])
        _ = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        try t.keys("Enter")
        try t.waitFor(text: "printed only")
        #expect(try t.clipboard() == nil)
    }

    // MARK: Editing

    @Test func inPlaceEditOfAPrefilledMultiLineChineseDraft() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        let screen = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        let n = try #require(screen.draftNumber(containing: "亲，您的小部件单号是"))
        try t.type("e \(n)")
        try t.keys("Enter")
        // Pre-filled, both lines, on the line editor.
        try t.waitFor("the draft on the edit line") { s in
            s.contains("✎ \(n) › 亲，您的小部件单号是 ⟨tracking_no⟩，") && s.contains("订单 ⟨order_id⟩ 正在派送中。")
        }
        try t.keys("Tab")  // to ⟨tracking_no⟩, cleared
        try t.type("顺丰SF123")
        try t.keys("Tab")  // to ⟨order_id⟩
        try t.type("A9")
        try t.keys("C-e", "M-Enter")  // to the end of the draft, a new line there
        try t.type("谢谢！")
        try t.keys("Up", "Up", "C-a")  // first line, its start
        try t.type("【加急】")
        try t.waitFor(text: "【加急】亲，您的小部件单号是 顺丰SF123，")
        try t.keys("Enter")
        try t.waitFor(text: "copied edited draft \(n)")
        try t.waitForClipboard("【加急】亲，您的小部件单号是 顺丰SF123，\n订单 A9 正在派送中。\n谢谢！")
    }

    @Test func ctrlCCancelsAnEdit() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        _ = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        try t.type("e 2")
        try t.keys("Enter")
        try t.waitFor(text: "✎ 2 ›")
        try t.keys("C-c")
        try t.waitFor(text: "edit cancelled")
        #expect(try t.clipboard() == nil)
        #expect(try t.exitStatus() == nil)
    }

    @Test func editingInTheEditorCopiesWhenItExitsZero() throws {
        let sandbox = try Sandbox()
        // The test's editor: a script that rewrites the file it is given.
        let editor = try sandbox.write(
            "editor.sh",
            """
            #!/bin/sh
            f="$1"
            { printf '【已编辑】'; cat "$f"; printf '谢谢您的耐心！\\n'; } > "$f.new" && mv "$f.new" "$f"
            exit 0

            """, mode: 0o755)
        let failing = try sandbox.write("failing-editor.sh", "#!/bin/sh\necho junk > \"$1\"\nexit 3\n", mode: 0o755)
        let (t, _) = try REPLFixtures.start(sandbox, environment: ["EDITOR": editor])
        let screen = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        let n = try #require(screen.draftNumber(containing: "亲，非常抱歉让您久等了！"))
        try t.type("v \(n)")
        try t.keys("Enter")
        try t.waitFor(text: "copied draft \(n) from")
        try t.waitForClipboard("【已编辑】" + REPLFixtures.sorryZh + "\n谢谢您的耐心！")

        // $VISUAL wins over $EDITOR; a non-zero exit copies nothing.
        t.stopServer()
        let t2 = TmuxTerminal(sandbox: sandbox)
        try t2.start(
            ["--no-user-packs", "--snippets", sandbox.root.appendingPathComponent("packs/widget.yaml").path],
            environment: ["EDITOR": editor, "VISUAL": failing])
        _ = try REPLFixtures.ask(t2, "我的小部件到了吗", block: 1)
        try t2.type("v 1")
        try t2.keys("Enter")
        try t2.waitFor(text: "exited with status 3 — nothing copied")
        #expect(try t2.clipboard() == nil)
    }

    // MARK: Keys of the session

    @Test func ctrlCCancelsTheLineAndKeepsTheSession() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        try t.type("half a message")
        try t.keys("C-c")
        // The next key only once the fresh prompt is up: under load a second
        // Ctrl-C sent the moment "^C" shows can arrive while the line editor
        // is still being re-entered.
        try t.waitFor("the fresh prompt") { $0.contains("^C") && REPLFixtures.atPrompt($0) }
        try t.keys("C-c")
        try t.waitFor(text: "^C", count: 2)
        #expect(try t.exitStatus() == nil)
        // The cancelled text was not sent; the next message works.
        let screen = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        #expect(!screen.contains("half a message\n●"))
        #expect(!sandbox.history().contains("half a message"))
    }

    @Test func ctrlDOnAnEmptyLineQuits() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        try t.type("x")
        try t.keys("C-d")  // not empty: deletes, does not quit
        t.settle()
        #expect(try t.exitStatus() == nil)
        try t.keys("C-u", "C-d")
        let status = try t.waitForExit()
        let screen = try t.screen()
        #expect(status == 0, "exit status \(String(describing: status)):\n\(screen)")
    }

    @Test func aCrashPutsTheTerminalBack() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        // While a line is being read, libedit has the terminal in raw mode.
        try t.type("半句话")
        try t.waitFor(text: "auto › 半句话")
        let pid = try #require(try t.kefuPID())
        kill(pid, SIGSEGV)
        let status = try t.waitForExit()
        #expect(status == 128 + Int(SIGSEGV), "kefu dies of the signal after restoring")
        let settings = try #require(try t.terminalSettingsAfterExit())
        let flags = Set(settings.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(flags.contains("icanon") && flags.contains("echo"), "cooked mode again:\n\(settings)")
        #expect(!flags.contains("-icanon") && !flags.contains("-echo"), "\(settings)")
    }

    @Test func quitCommandQuits() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        try t.type(":q")
        try t.keys("Enter")
        let status = try t.waitForExit()
        let screen = try t.screen()
        #expect(status == 0, "exit status \(String(describing: status)):\n\(screen)")
    }

    @Test func tabCompletesCommandsAndVariables() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        try t.type(":se")
        try t.keys("Tab")
        try t.type("ord")
        try t.keys("Tab")
        try t.type("A-42")
        try t.waitFor(text: ":set order_id A-42")
        try t.keys("Enter")
        try t.waitFor(text: "order_id = A-42")
        // The prompt shows what the session knows.
        try t.waitFor(text: "#A-42 · auto ›")
        try t.type(":set buyer 王女士")
        try t.keys("Enter")
        try t.waitFor(text: "→ 王女士 #A-42 · auto ›")
    }

    @Test func remindRendersThePaymentReminders() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        try t.type(":remind")
        try t.keys("Enter")
        let screen = try t.waitFor(text: "payment reminders")
        #expect(screen.contains(" reminder "), "\(screen)")
        try t.keys("Enter")
        try t.waitFor(text: "copied draft 1 via OSC 52")
    }

    @Test func moreDraftsLanguageAndNextBuyer() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox, extra: ["--top", "2"])
        var screen = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        #expect(screen.contains("1-2 or Enter: copy") && !screen.contains("\n 3 "), "two drafts first:\n\(screen)")
        // m: the next two, numbered on.
        try t.type("m")
        try t.keys("Enter")
        screen = try t.waitFor(text: "1-4 or Enter: copy")
        #expect(screen.contains(" 3 ") && screen.contains(" 4 "))

        // :lang zh-Hant redraws the same drafts in Traditional (OpenCC s2t).
        try t.type(":lang zh-Hant")
        try t.keys("Enter")
        // The prompt comes after the drafts: wait for it, then read both.
        screen = try t.waitFor(text: "· zh-Hant ›")
        #expect(screen.contains("親，非常抱歉讓您久等了！"), "the drafts in Traditional:\n\(screen)")

        // :set fills a blank in the drafts on the screen; :new forgets it.
        try t.type(":set tracking_no SF99")
        try t.keys("Enter")
        try t.waitFor(text: "單號是 SF99")
        try t.type(":new")
        try t.keys("Enter")
        try t.waitFor(text: "new thread")
        try t.waitFor("the prompt back to automatic") { $0.screenLines.last { !$0.isEmpty }?.hasSuffix("· auto ›") == true }
        try t.type(":vars")
        try t.keys("Enter")
        screen = try t.waitFor(text: "no values yet")
        #expect(!screen.components(separatedBy: "new thread").last!.contains("SF99"))
    }

    @Test func whyExplainsADraft() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        let screen = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        let n = try #require(screen.draftNumber(containing: "亲，非常抱歉让您久等了！"))
        try t.type("? \(n)")
        try t.keys("Enter")
        let why = try t.waitFor(text: "t.widget.sorry")
        #expect(why.contains("widget.yaml:"), "the snippet's file:line:col")
        #expect(why.contains("phrases"), "the detector evidence")
    }

    @Test func colourHelpsAndIsOffWithNO_COLOROrNoColor() throws {
        let sgr = "\u{1B}["
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        _ = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        #expect(try t.screenWithAttributes().contains(sgr), "colour on a terminal by default")

        for (extra, environment) in [([String](), ["NO_COLOR": "1"]), (["--no-color"], [:])] {
            let (plain, _) = try REPLFixtures.start(Sandbox(), extra: extra, environment: environment)
            let screen = try REPLFixtures.ask(plain, "我的小部件到了吗", block: 1)
            #expect(screen.contains("⟨tracking_no⟩"))
            #expect(!(try plain.screenWithAttributes().contains(sgr)), "no colour with \(extra) \(environment)")
        }
    }

    @Test func aResizedWindowKeepsTheLineAndCtrlLRewrapsTheDrafts() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        _ = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        try t.type("小部件")
        try t.resize(width: 50, height: 40)
        try t.waitFor(text: "auto › 小部件")
        try t.keys("C-l")
        // kefu wrapped every line to 50 columns itself (tmux had to wrap none).
        let joined = try t.waitForVisible("the drafts again at 50 columns") { s in
            s.contains("亲，您的小部件单号是") && s.screenLines.last { !$0.isEmpty }?.hasSuffix("auto › 小部件") == true
                && !s.screenLines.contains { ScreenWidth.of($0) > 50 }
        }
        #expect(joined.contains("亲，您的小部件单号是"))
        let tooWide = joined.screenLines.filter { ScreenWidth.of($0) > 50 }
        #expect(tooWide.isEmpty, "lines wider than the window: \(tooWide)")
        // The line typed before the resize is still there and still works.
        try t.keys("C-u")
        _ = try REPLFixtures.ask(t, "where is my widget", block: 2)
    }

    // MARK: History

    @Test func historySurvivesAKilledTerminal() throws {
        let sandbox = try Sandbox()
        let (t, pack) = try REPLFixtures.start(sandbox)
        _ = try REPLFixtures.ask(t, "我的小部件到了吗？急！", block: 1)
        // The terminal goes away (kefu gets SIGHUP), no goodbye.
        t.stopServer()
        #expect(sandbox.history().contains("我的小部件到了吗？急！"))
        let t2 = TmuxTerminal(sandbox: sandbox)
        try t2.start(["--no-user-packs", "--snippets", pack])
        try t2.waitFor(text: "auto ›")
        try t2.keys("Up")
        try t2.waitFor(text: "auto › 我的小部件到了吗？急！")
        // Ctrl-R finds it by a Chinese word.
        try t2.keys("C-u", "C-r")
        try t2.type("急")
        try t2.waitFor(text: "search ‘急’ › 我的小部件到了吗？急！")
    }

    @Test func twoConcurrentSessionsBothKeepTheirEntries() throws {
        let sandbox = try Sandbox()
        let pack = try sandbox.write("packs/widget.yaml", REPLFixtures.widgetPack)
        let t = TmuxTerminal(sandbox: sandbox)
        try t.start(["--no-user-packs", "--snippets", pack], session: "a")
        try t.start(["--no-user-packs", "--snippets", pack], session: "b")
        try t.waitFor(text: "auto ›", session: "a")
        try t.waitFor(text: "auto ›", session: "b")
        for i in 1...3 {
            _ = try REPLFixtures.ask(t, "A\(i) 小部件在哪", block: i, session: "a")
            _ = try REPLFixtures.ask(t, "B\(i) 小部件在哪", block: i, session: "b")
        }
        let history = sandbox.history()
        for i in 1...3 {
            #expect(history.contains("A\(i) 小部件在哪"), "\(history)")
            #expect(history.contains("B\(i) 小部件在哪"), "\(history)")
        }
        // A new session sees both, newest first.
        try t.start(["--no-user-packs", "--snippets", pack], session: "c")
        try t.waitFor(text: "auto ›", session: "c")
        try t.keys("Up", session: "c")
        try t.waitFor(text: "auto › B3 小部件在哪", session: "c")
        try t.keys("Up", session: "c")
        try t.waitFor(text: "auto › A3 小部件在哪", session: "c")
    }

    // MARK: Untrusted text

    @Test func anEscapeSequenceAttackInAPasteIsInert() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        _ = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        let titleBefore = try t.title()
        // Title change (OSC 0/2), clipboard (OSC 52), clear screen and home
        // (CSI), colour, C1 CSI, DCS, and a bell.
        var attack = Data("where is my widget".utf8)
        attack += Data("\u{1B}]0;PWNED\u{07}\u{1B}]2;PWNED\u{1B}\\".utf8)
        attack += Data("\u{1B}]52;c;\(Data("rm -rf ~".utf8).base64EncodedString())\u{07}".utf8)
        attack += Data("\u{1B}[2J\u{1B}[3J\u{1B}[H\u{1B}[31mRED\u{1B}[0m".utf8)
        attack += Data("\u{9B}2J".utf8)
        attack += Data("\u{1B}P+q544e\u{1B}\\\u{07} END".utf8)
        try t.paste(attack)
        try t.waitFor(text: "where is my widget")
        try t.keys("Enter")
        let screen = try t.waitFor("the drafts") { $0.occurrences(of: "or Enter: copy") >= 2 }
        #expect(try t.title() == titleBefore)
        #expect(try t.title() != "PWNED")
        #expect(try t.bufferCount() == 0, "nothing reached the clipboard")
        // Nothing was cleared: the first exchange is still on the screen.
        #expect(screen.contains("亲，非常抱歉让您久等了！"))
        #expect(screen.contains("where is my widgetRED END"), "\(screen)")
        #expect(!screen.contains("PWNED"))
    }

    // MARK: Packs changed on disk

    @Test func anEditedPackIsPickedUpAndABrokenOneKeepsTheLastGood() throws {
        let sandbox = try Sandbox()
        let (t, pack) = try REPLFixtures.start(sandbox)
        var screen = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        #expect(screen.contains("今天一定发出。"))

        try sandbox.rewrite(pack, REPLFixtures.widgetPack.replacingOccurrences(of: "今天一定发出。", with: "明天上午一定发出。"))
        screen = try REPLFixtures.ask(t, "我的小部件到了吗", block: 2)
        #expect(screen.contains("packs reloaded (widget.yaml)"))
        #expect(screen.contains("明天上午一定发出。"))

        // A broken save: a YAML error at line 3, column 9.
        let broken = REPLFixtures.widgetPack.replacingOccurrences(of: "  name: REPL test pack", with: "  name: [REPL test pack")
        try sandbox.rewrite(pack, broken)
        screen = try REPLFixtures.ask(t, "我的小部件到了吗", block: 3)
        #expect(screen.contains(pack + ":"), "the error names the file:\n\(screen)")
        let errorLine = try #require(screen.screenLines.first { $0.hasPrefix(pack + ":") && $0.contains("error") })
        let position = errorLine.dropFirst(pack.count + 1).split(separator: ":").prefix(2).compactMap { Int($0) }
        #expect(position.count == 2, "file:line:col in \(errorLine)")
        #expect(screen.contains("kept the last good version"))
        // The last good drafts are still served.
        let lastBlock = screen.components(separatedBy: "packs reloaded").last ?? ""
        #expect(lastBlock.contains("明天上午一定发出。"), "\(lastBlock)")

        // Fixed again: back to normal.
        try sandbox.rewrite(pack, REPLFixtures.widgetPack)
        screen = try REPLFixtures.ask(t, "我的小部件到了吗", block: 4)
        #expect((screen.components(separatedBy: "packs reloaded").last ?? "").contains("今天一定发出。"))
    }

    // MARK: Configuration

    @Test func configPacksAreLoadedAndDisabledPacksAreNot() throws {
        let sandbox = try Sandbox()
        try sandbox.writeConfig(REPLFixtures.widgetPack, to: "shop-packs/widget.yaml")
        try sandbox.writeConfig(
            """
            shop: 小鹿家居
            packs: [shop-packs]

            """)
        let t = TmuxTerminal(sandbox: sandbox)
        try t.start([])
        try t.waitFor(text: "小鹿家居 · auto ›")
        var screen = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        #expect(screen.contains("t.widget"), "the pack from config.yaml packs: (relative to the file)\n\(screen)")
        t.stopServer()

        try sandbox.rewrite(
            sandbox.configPath("config.yaml"),
            """
            shop: 小鹿家居
            packs: [shop-packs]
            disabled_packs: [t.repl-widget]

            """)
        let t2 = TmuxTerminal(sandbox: sandbox)
        try t2.start([])
        try t2.waitFor(text: "小鹿家居 · auto ›")
        screen = try REPLFixtures.ask(t2, "我的小部件到了吗", block: 1)
        #expect(!screen.contains("t.widget"), "a disabled pack is not loaded\n\(screen)")
    }

    @Test func aBadConfigNamesFileLineColumnAndUsesDefaultsForBrokenKeys() throws {
        let sandbox = try Sandbox()
        try sandbox.writeConfig(
            """
            shop: 小鹿家居
            language: klingon
            drafts: 2

            """)
        let (t, _) = try REPLFixtures.start(sandbox)
        let screen = try t.waitFor(text: "config.yaml:2:11: error: 'language'")
        // The broken key takes its default (auto), the good ones apply.
        #expect(screen.contains("小鹿家居 · auto ›"), "\(screen)")
        let drafts = try REPLFixtures.ask(t, "我的小部件到了吗", block: 1)
        #expect(drafts.contains("1-2 or Enter: copy"), "\(drafts)")
    }
}
