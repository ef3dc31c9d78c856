import Foundation
import KefuTestSupport
import Testing

/// External plugins through the real `kefu` binary: the two example plugins
/// of docs/examples, run for real, plus misbehaving ones written here.
@Suite struct ExternalPluginsCLITests {
    let sandbox: Sandbox
    let plugins: String

    /// docs/examples of this checkout.
    static let examples = Checkout.path("docs/examples")

    /// A pack whose drafts the example check must catch: one with an
    /// absolute claim (warned), one steering off the platform (blocked).
    static let pricePack = """
        pack:
          id: t.price
          name: price test pack
          version: 1.0.0
        intents:
          - id: t.price
            description: asks for the lowest price
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
              zh-Hans: 亲，我们已经是全网最低价啦
          - id: t.price.offsite
            intents: [t.price]
            kind: answer
            priority: 80
            text:
              zh-Hans: 亲，加我微信给您再便宜点
          - id: t.price.fine
            intents: [t.price]
            kind: answer
            priority: 10
            text:
              zh-Hans: 亲，这个价格很实在哦
        """

    init() throws {
        sandbox = try Sandbox()
        plugins = try sandbox.folder("plugins")
        for name in ["kefu-plugin-preorder.py", "kefu-plugin-banned-words.sh"] {
            try copyPlugin(Self.examples + "/" + name, as: name)
        }
    }

    func copyPlugin(_ source: String, as name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: source))
        try writePlugin(name, String(decoding: data, as: UTF8.self))
    }

    func writePlugin(_ name: String, _ text: String) throws {
        try sandbox.writeExecutable(name, text, in: "plugins")
    }

    /// A plugin that says hello, then never answers a detect.
    static let hanging = """
        #!/bin/sh
        read hello
        echo '{"type":"hello","protocol":1,"id":"stuck","version":"0.0.1","capabilities":["detect","draft"]}'
        while read request; do sleep 3600; done
        """

    func suggest(_ input: String, _ extra: [String] = []) throws -> KefuResult {
        let pack = try sandbox.write("price.yaml", Self.pricePack)
        let r = try Kefu.run(
            ["suggest", "--no-user-packs", "--snippets", pack, "--format", "jsonl", "--top", "5"]
                + (extra.contains("--plugin-deadline") ? [] : ["--plugin-deadline", "5000"]) + extra,
            stdin: input, in: sandbox)
        #expect(!r.timedOut)
        return r
    }

    @Test func examplePluginsAnswerThroughKefuSuggest() throws {
        // ./plugins of the working directory is found without any option.
        // Room for every draft of both intents the price question has.
        let r = try suggest("这款什么时候有货？可以预订吗\n这个最低多少钱\n", ["--top", "8"])
        #expect(r.status == 0, "stderr: \(r.err)")
        let records = try JSON.objects(r)
        try #require(records.count == 2)
        for record in records { expectSuggestionShape(record) }

        // The Python plugin: its intent, with its own evidence, and its draft.
        #expect(JSON.intents(records[0]).first == "myshop.preorder")
        let intents = records[0]["intents"] as? [[String: Any]] ?? []
        let evidence = (intents.first?["evidence"] as? [[String: Any]] ?? []).compactMap { $0["detector"] as? String }
        #expect(evidence.contains("myshop-preorder"))
        let draft = try #require(JSON.draft(records[0], snippet: "myshop.preorder.restock"))
        #expect((draft["text"] as? String)?.contains("预订") == true)
        #expect((draft["rank"] as? NSNumber)?.intValue == 1)
        #expect((records[0]["plugins_skipped"] as? [Any])?.isEmpty == true)

        // The shell plugin: a warning on the claim, the off-platform draft gone.
        let claim = try #require(JSON.draft(records[1], snippet: "t.price.claim"))
        let codes = (claim["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        // The built-in compliance check warns beside it, with the same semantics.
        #expect(codes.filter { $0.hasPrefix("banned-words:") } == ["banned-words:absolute-claim"])
        #expect(codes.contains("compliance:absolute-claim"))
        #expect(JSON.draft(records[1], snippet: "t.price.offsite") == nil)
        let fine = try #require(JSON.draft(records[1], snippet: "t.price.fine"))
        #expect((fine["warnings"] as? [Any])?.isEmpty == true)
    }

    @Test func traditionalBuyerGetsTheSimplifiedPluginDraftConverted() throws {
        let r = try suggest("這款什麼時候有貨？可以預訂嗎\n")
        let record = try #require(try JSON.objects(r).first)
        #expect(record["language"] as? String == "zh-Hant")
        let text = try #require(JSON.draft(record, snippet: "myshop.preorder.restock")?["text"] as? String)
        #expect(text.contains("預訂"))
    }

    @Test func aHangingPluginIsSkippedAndEverythingElseStillArrives() throws {
        try writePlugin("kefu-plugin-stuck", Self.hanging)
        let start = Date()
        // Generous for a loaded machine: once the hung plugin has used the
        // message's deadline, the working plugins answer within a tenth of it
        // (500 ms here: a shell plugin under a parallel test run needs that).
        let r = try suggest("这款什么时候有货？可以预订吗\n这个最低多少钱\n", ["--plugin-deadline", "5000"])
        // A hang guard, not a speed test: the point is that the answer comes.
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(r.status == 0, "stderr: \(r.err)")
        let records = try JSON.objects(r)
        try #require(records.count == 2)
        // The other plugins' and the packs' drafts are all there...
        #expect(JSON.draft(records[0], snippet: "myshop.preorder.restock") != nil)
        #expect(JSON.draft(records[1], snippet: "t.price.claim") != nil)
        // ...and the answer says which plugin is missing, and why.
        let skipped = records[0]["plugins_skipped"] as? [[String: Any]] ?? []
        #expect(skipped.count == 1)
        #expect(skipped.first?["id"] as? String == "stuck")
        #expect(skipped.first?["reason"] as? String == "timeout")
        #expect(skipped.first?["detail"] as? String == "no answer within 5 s", "\(skipped)")
        // After the timeout it is restarting (or starting again): still skipped, never waited for twice.
        let later = records[1]["plugins_skipped"] as? [[String: Any]] ?? []
        #expect(later.map { $0["id"] as? String } == ["stuck"])
    }

    @Test func textOutputSaysWhichPluginWasSkipped() throws {
        try writePlugin("kefu-plugin-stuck", Self.hanging)
        let pack = try sandbox.write("price.yaml", Self.pricePack)
        let r = try Kefu.run(
            ["suggest", "--no-user-packs", "--snippets", pack, "--plugin-deadline", "2000"], stdin: "可以预订吗\n", in: sandbox)
        #expect(r.out.contains("skipped: plugin stuck (timeout: no answer within 2 s)"))
        #expect(r.out.contains("myshop.preorder.restock"))
    }

    @Test func pluginOutputCannotReachTheTerminal() throws {
        try writePlugin(
            "kefu-plugin-evil",
            """
            #!/bin/sh
            read hello
            printf '%s\\n' '{"type":"hello","protocol":1,"id":"evil","capabilities":["draft"]}'
            while read request; do
              id=$(printf '%s' "$request" | sed 's/.*"id":\\([0-9]*\\).*/\\1/')
              printf '{"id":%s,"drafts":[{"id":"evil.one","intent":"t.price","priority":100,"text":{"zh-Hans":"\\\\u001b]52;c;aGk=\\\\u0007亲{{shop}} `id`"}}]}\\n' "$id"
            done
            """)
        let pack = try sandbox.write("price.yaml", Self.pricePack)
        let r = try Kefu.run(
            ["suggest", "--no-user-packs", "--snippets", pack, "--plugins", plugins, "--plugin-deadline", "5000"], stdin: "这个最低多少钱\n",
            in: sandbox)
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(!r.out.contains("\u{1B}"))
        #expect(!r.out.contains("\u{07}"))
        // Plain text: not a template, not a command.
        #expect(r.out.contains("]52;c;aGk=亲{{shop}} `id`") || r.out.contains("亲{{shop}} `id`"), "\(r.out)")
    }

    @Test func kefuTestRunsThePluginsExamples() throws {
        let r = try Kefu.run(["test", "--no-user-packs", "--verbose"], in: sandbox)
        #expect(r.status == 0, "\(r.out)\n\(r.err)")
        #expect(r.out.contains("plugin:myshop-preorder: ok"))
        #expect(r.out.contains("plugin:banned-words: ok   “加我微信聊”: check: expected warning off-platform, blocked"))
        // A plugin whose example fails makes kefu test fail.
        try writePlugin(
            "kefu-plugin-wrong",
            """
            #!/bin/sh
            read hello
            echo '{"type":"hello","protocol":1,"id":"wrong","capabilities":["check"],"examples":[{"check":"hello","warning":"never-raised"}]}'
            while read request; do
              id=$(printf '%s' "$request" | sed 's/.*"id":\\([0-9]*\\).*/\\1/')
              echo "{\\"id\\":$id,\\"checks\\":[{}]}"
            done
            """)
        let failing = try Kefu.run(["test", "--no-user-packs"], in: sandbox)
        #expect(failing.status == 1)
        #expect(failing.out.contains("plugin:wrong: FAIL “hello”: check: expected warning never-raised; got no warning"))
    }

    @Test func pluginsListShowsStatesAndRefusals() throws {
        try writePlugin("kefu-plugin-stuck", Self.hanging)
        try writePlugin("kefu-plugin-broken", "#!/bin/sh\necho 'I am not JSON'\n")
        let open = try sandbox.folder("open")
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: open)
        let r = try Kefu.run(["plugins", "list", "--no-user-packs", "--plugins", open], in: sandbox)
        #expect(r.status == 1)
        #expect(r.cells.contains("myshop-preorder 1.0.0 loaded [detect,draft]"))
        #expect(r.cells.contains("banned-words 1.0.0 loaded [check]"))
        #expect(r.cells.contains("stuck 0.0.1 loaded"))
        #expect(r.cells.contains("broken - failed"))
        #expect(r.out.contains("why: bad hello: “I am not JSON”"))
        #expect(r.out.contains("refused"))
        #expect(r.out.contains("is writable by other users (mode 777); fix with: chmod go-w \(open)"))
        #expect(r.err.contains("refused"))
    }

    /// `disabled_plugins:` is one list for every kind of plugin, read once:
    /// a malformed one is reported once, not by each plugin host.
    @Test func configDisablesExternalAndCodePluginsAlike() throws {
        try sandbox.writeConfig("disabled_plugins: [myshop-preorder, compliance]\n")
        let list = try Kefu.run(["plugins", "list", "--no-user-packs"], in: sandbox)
        #expect(list.out.contains("myshop-preorder"), "\(list.out)")
        #expect(list.cells.contains("compliance 1.0.0 disabled"), "\(list.out)")
        let r = try suggest("可以预订吗\n", [])
        let record = try #require(try JSON.objects(r).first)
        #expect(!JSON.intents(record).contains("myshop.preorder"), "\(r.out)")

        try sandbox.writeConfig("disabled_plugins: {a: 1}\n")
        let bad = try suggest("可以预订吗\n", [])
        #expect(bad.err.components(separatedBy: "disabled_plugins").count == 2, "reported once:\n\(bad.err)")
        #expect(bad.err.contains("config.yaml:1:19: error: 'disabled_plugins' must be a list"), "\(bad.err)")
    }

    @Test func noPluginsStartsNone() throws {
        let r = try suggest("可以预订吗\n", ["--no-plugins"])
        let record = try #require(try JSON.objects(r).first)
        #expect(!JSON.intents(record).contains("myshop.preorder"))
    }

    @Test func configuredPluginWithArgumentsRuns() throws {
        try sandbox.folder("config/kefu/scripts")
        let script = try Data(contentsOf: URL(fileURLWithPath: Self.examples + "/kefu-plugin-preorder.py"))
        try sandbox.write(sandbox.configPath("scripts/preorder.py"), script)
        try sandbox.writeConfig(
            """
            external_plugins:
              - command: [python3, scripts/preorder.py]
                id: preorder
                config: {restock_days: "3"}
            """)
        // Only the configured copy runs (./plugins has the same plugin).
        try FileManager.default.removeItem(atPath: plugins + "/kefu-plugin-preorder.py")
        let r = try suggest("可以预订吗\n")
        #expect(r.status == 0, "\(r.err)")
        let record = try #require(try JSON.objects(r).first)
        let text = JSON.drafts(record).compactMap { $0["text"] as? String }
        #expect(text.contains { $0.contains("预计3天内到货") })
        let list = try Kefu.run(["plugins", "list", "--no-user-packs"], in: sandbox)
        #expect(list.cells.contains("preorder 1.0.0 loaded [detect,draft]"))
        #expect(list.out.contains("config keys: restock_days"))
    }
}

/// `kefu plugins new`: every scaffold is a working, tested starting point.
@Suite struct PluginsNewTests {
    @Test func packScaffoldPassesKefuTest() throws {
        let sandbox = try Sandbox()
        let made = try Kefu.run(["plugins", "new", "gift-shop", "--kind", "pack"], in: sandbox)
        #expect(made.status == 0, "\(made.err)")
        let r = try Kefu.run(["test", "--no-user-packs", "snippets/gift-shop.yaml"], in: sandbox)
        #expect(r.status == 0, "\(r.out)\n\(r.err)")
        #expect(r.out.contains("gift-shop.gift-wrap"))
        #expect(r.out.contains("8 passed, 0 failed"))
        // Never overwrites.
        let again = try Kefu.run(["plugins", "new", "gift-shop", "--kind", "pack"], in: sandbox)
        #expect(again.status != 0)
        #expect(again.err.contains("already exists"))
    }

    @Test func externalScaffoldHandshakesAndPassesKefuTest() throws {
        let sandbox = try Sandbox()
        let made = try Kefu.run(["plugins", "new", "gift-shop", "--kind", "external"], in: sandbox)
        #expect(made.status == 0, "\(made.err)")
        let r = try Kefu.run(["test", "--no-user-packs", "--verbose"], in: sandbox)
        #expect(r.status == 0, "\(r.out)\n\(r.err)")
        #expect(r.out.contains("plugin:gift-shop: ok   “可以帮我礼品包装吗”"))
        let s = try Kefu.run(
            ["suggest", "--no-user-packs", "--format", "jsonl", "--plugin-deadline", "5000"], stdin: "可以帮我礼品包装吗\n", in: sandbox)
        let record = try #require(try JSON.objects(s).first)
        #expect(JSON.draft(record, snippet: "gift-shop.gift-wrap.free") != nil)
    }

    @Test func swiftScaffoldWritesTheFolderAndSaysWhatToRegister() throws {
        let sandbox = try Sandbox()
        let r = try Kefu.run(["plugins", "new", "gift-wrap", "--kind", "swift"], in: sandbox)
        #expect(r.status == 0, "\(r.err)")
        let folder = sandbox.root.appendingPathComponent("Plugins/GiftWrap").path
        #expect(FileManager.default.fileExists(atPath: folder + "/GiftWrapDetector.swift"))
        #expect(FileManager.default.fileExists(atPath: folder + "/Tests/GiftWrapTests.swift"))
        #expect(r.out.contains(#".target(name: "KefuGiftWrap", dependencies: ["KefuCore"], path: "Plugins/GiftWrap""#))
        #expect(r.out.contains("GiftWrapPlugin(),"))  // registered as a CodePlugin in BuiltinPlugins.all
    }

    @Test func badNamesAreRefused() throws {
        let sandbox = try Sandbox()
        let r = try Kefu.run(["plugins", "new", "../evil", "--kind", "pack"], in: sandbox)
        #expect(r.status == 2)
    }
}
