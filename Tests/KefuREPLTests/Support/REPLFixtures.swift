import Foundation
import KefuTestSupport
import Testing

/// A pack written for these tests, with words the built-in packs do not use
/// (小部件, widget), so its drafts are the ones shown whatever the built-in
/// wording becomes. One intent, drafts of four kinds, multi-line Chinese
/// text, blanks, and a Simplified-only template (Traditional drafts are
/// converted by OpenCC).
enum REPLFixtures {
    static let widgetPack = """
        pack:
          id: t.repl-widget
          name: REPL test pack
          version: 1.0.0
          languages: [zh-Hans, en]
        intents:
          - id: t.widget
            description: The buyer asks where the widget is.
            triggers:
              zh-Hans: [小部件, 部件到了]
              en: [widget, widgets]
            examples:
              zh-Hans: [我的小部件到了吗, 小部件什么时候到, 小部件发货了吗]
              en: [where is my widget, has the widget shipped, when will the widget arrive]
        snippets:
          - id: t.widget.track
            intents: [t.widget]
            kind: logistics
            priority: 95
            text:
              zh-Hans: |
                亲，您的小部件单号是 {{tracking_no}}，
                订单 {{order_id}} 正在派送中。
              en: |
                Your widget {{tracking_no}} is on its way.
                Order {{order_id}}.
          - id: t.widget.sorry
            intents: [t.widget]
            kind: apology
            priority: 90
            text:
              zh-Hans: |
                亲，非常抱歉让您久等了！
                我们已经加急处理 🚚 Express，今天一定发出。
              en: |
                So sorry for the wait!
                We have rushed your widget 🚚 and it ships today.
          - id: t.widget.hello
            intents: [t.widget]
            kind: greeting
            priority: 85
            text:
              zh-Hans: 亲，您好～欢迎光临小部件铺！
              en: Hi there, welcome to the widget shop!
          - id: t.widget.bye
            intents: [t.widget]
            kind: closing
            priority: 80
            text:
              zh-Hans: 有任何问题随时找我哦，祝您生活愉快！
              en: Anything else, just ask. Have a lovely day!

        """

    /// Texts of the drafts above as kefu renders them (no trailing line break).
    static let sorryZh = "亲，非常抱歉让您久等了！\n我们已经加急处理 🚚 Express，今天一定发出。"
    static let helloZh = "亲，您好～欢迎光临小部件铺！"
    static let byeZh = "有任何问题随时找我哦，祝您生活愉快！"

    /// A terminal running kefu on the built-in packs and the widget pack.
    static func start(
        _ sandbox: Sandbox, extra: [String] = [], environment: [String: String] = [:], width: Int = 110
    ) throws -> (TmuxTerminal, String) {
        let pack = try sandbox.write("packs/widget.yaml", widgetPack)
        let terminal = TmuxTerminal(sandbox: sandbox, width: width)
        try terminal.start(["--no-user-packs", "--snippets", pack] + extra, environment: environment)
        try terminal.waitFor(text: "kefu 客服")
        try terminal.waitFor("the prompt") { $0.contains("auto ›") }
        return (terminal, pack)
    }

    /// Pastes a message, presses Enter and waits for its drafts (the n-th
    /// block of drafts of the session) and the prompt after them. Waiting for
    /// the prompt matters: kefu switches bracketed paste on just before it
    /// draws the prompt, and a paste sent earlier would arrive unbracketed.
    static func ask(_ terminal: TmuxTerminal, _ message: String, block: Int, session: String = "main") throws -> String {
        try terminal.paste(message, session: session)
        try terminal.keys("Enter", session: session)
        return try terminal.waitFor("drafts block \(block) and the prompt", session: session) { screen in
            screen.occurrences(of: "or Enter: copy") >= block && atPrompt(screen)
        }
    }

    /// Whether the last line on the screen is an empty main prompt.
    static func atPrompt(_ screen: String) -> Bool {
        guard let last = screen.screenLines.last(where: { !$0.isEmpty }) else { return false }
        return last.hasSuffix(" ›") && !last.contains("✎") && !last.contains("search ‘")
    }
}
