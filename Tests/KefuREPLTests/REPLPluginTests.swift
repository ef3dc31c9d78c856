import Foundation
import KefuTestSupport
import Testing

/// External plugins in the REPL, as an agent meets them: a draft check's
/// warning under the draft, and a plugin that hangs costing one deadline,
/// named on the screen, while the packs' and other plugins' drafts arrive.
@Suite(.serialized) struct REPLPluginTests {
    static let examples = Checkout.path("docs/examples")

    static let claimPack = """
        pack:
          id: t.repl-claim
          name: REPL claim pack
          version: 1.0.0
        intents:
          - id: t.price
            description: The buyer asks for the lowest price.
            triggers:
              zh-Hans: [最低多少钱]
            examples:
              zh-Hans: [这个最低多少钱, 最低多少钱能卖]
        snippets:
          - id: t.price.claim
            intents: [t.price]
            kind: answer
            priority: 90
            text:
              zh-Hans: 亲，我们是全网最低价哦

        """

    /// Says hello, then never answers.
    static let hanging = """
        #!/bin/sh
        read hello
        echo '{"type":"hello","protocol":1,"id":"stuck","version":"0.0.1","capabilities":["detect","draft"]}'
        while read request; do sleep 3600; done
        """

    @Test func checkWarningsShowUnderTheDraftAndAHangingPluginIsNamed() throws {
        let sandbox = try Sandbox()
        let plugins = try sandbox.folder("plugins")
        let checker = try String(contentsOfFile: Self.examples + "/kefu-plugin-banned-words.sh", encoding: .utf8)
        for (name, text) in [("kefu-plugin-banned-words.sh", checker), ("kefu-plugin-stuck", Self.hanging)] {
            try sandbox.writeExecutable(name, text, in: "plugins")
        }
        let pack = try sandbox.write("packs/claim.yaml", Self.claimPack)
        let (t, _) = try REPLFixtures.start(sandbox, extra: ["--snippets", pack, "--plugins", plugins, "--plugin-deadline", "1500"])

        let screen = try REPLFixtures.ask(t, "这个最低多少钱", block: 1)
        #expect(screen.contains("亲，我们是全网最低价哦"), "the pack's draft arrives despite the hanging plugin:\n\(screen)")
        #expect(screen.contains("banned-words:absolute-claim"), "the check's warning is under the draft:\n\(screen)")
        #expect(screen.contains("plugin stuck skipped: timeout"), "the missing plugin is named:\n\(screen)")

        // The session goes on: the next message is answered too.
        let next = try REPLFixtures.ask(t, "我的小部件到了吗", block: 2)
        #expect(next.contains("亲，非常抱歉让您久等了！"), "\(next)")
    }

    /// `--disable` turns a built-in code plugin off in the REPL as in `kefu suggest`.
    @Test func disableTurnsABuiltInCheckOff() throws {
        let sandbox = try Sandbox()
        let pack = try sandbox.write("packs/claim.yaml", Self.claimPack)
        let (on, _) = try REPLFixtures.start(sandbox, extra: ["--snippets", pack])
        let warned = try REPLFixtures.ask(on, "这个最低多少钱", block: 1)
        #expect(warned.contains("compliance:absolute-claim"), "the built-in check warns:\n\(warned)")
        on.stopServer()

        let (off, _) = try REPLFixtures.start(sandbox, extra: ["--snippets", pack, "--disable", "compliance"])
        let quiet = try REPLFixtures.ask(off, "这个最低多少钱", block: 1)
        #expect(quiet.contains("亲，我们是全网最低价哦"), "\(quiet)")
        #expect(!quiet.contains("compliance:"), "a disabled check says nothing:\n\(quiet)")
    }

    /// Closing the terminal window (the tmux server goes, kefu gets SIGHUP)
    /// takes the plugins with it: an EOF-ignoring plugin and its child too.
    @Test func aClosedWindowLeavesNoPluginBehind() throws {
        let sandbox = try Sandbox()
        let plugins = try StubbornPlugin.install(in: sandbox)
        let (t, _) = try REPLFixtures.start(sandbox, extra: ["--plugins", plugins, "--plugin-deadline", "10000"])
        _ = try REPLFixtures.ask(t, "where is my widget", block: 1)
        let pids = try #require(StubbornPlugin.pids(in: sandbox))
        #expect(!ProcessTable.isGone(pids.plugin), "the plugin runs while the window is open")
        t.stopServer()
        let gone = StubbornPlugin.bothGone(pids)
        #expect(gone, "the plugin or its child outlived the closed window")
        if !gone { kill(-pids.plugin, SIGKILL) }
    }
}
