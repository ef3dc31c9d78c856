import Foundation
import KefuCore
import KefuTestSupport
import Testing

@testable import KefuExternalPlugins

@Suite("External plugins: config.yaml, declared intents, logs")
struct ConfigurationTests {
    @Test func readsCommandsIDsConfigAndDeadline() {
        let c = ExternalPluginConfiguration.parse(
            """
            shop: Acme
            plugin_deadline_ms: 150
            disabled_plugins: [banned-words, tone]
            external_plugins:
              - command: [python3, plugins/p.py, --verbose]
                id: preorder
                config: {restock_days: "5"}
              - command: /opt/kefu/kefu-plugin-x
            """, file: "config.yaml")
        #expect(c.problems.isEmpty)
        #expect(c.deadlineMilliseconds == 150)
        #expect(c.plugins.map(\.command) == [["python3", "plugins/p.py", "--verbose"], ["/opt/kefu/kefu-plugin-x"]])
        #expect(c.plugins.first?.id == "preorder")
        #expect(c.plugins.first?.config == ["restock_days": "5"])
    }

    @Test func reportsBadEntriesWithPositionsAndKeepsTheRest() {
        let c = ExternalPluginConfiguration.parse(
            """
            plugin_deadline_ms: forever
            external_plugins:
              - id: nothing-to-run
              - command: [ok]
                id: "bad id!"
              - command: [fine]
            """, file: "config.yaml")
        #expect(c.problems.count == 3)
        #expect(c.problems[0].hasPrefix("config.yaml:1:21: error: plugin_deadline_ms"))
        #expect(c.problems[1].hasPrefix("config.yaml:3:5: error: external_plugins entry needs command"))
        #expect(c.problems[2].contains("plugin id 'bad id!'"))
        #expect(c.plugins.map(\.command) == [["fine"]])
    }

    @Test func declaredIntentsBecomeAPackThatLoadsAndThatPacksOverride() throws {
        let box = try Sandbox()
        let host = try box.startedHost("ok", id: "declarer")
        defer { host.shutdown() }
        let declared = PluginIntentsPack.sources(for: host)
        #expect(declared.problems.isEmpty)
        let library = SnippetLibrary.load(declared.sources)
        #expect(library.failures.isEmpty, "\(library.diagnostics)")
        #expect(library.intents["test.ping"]?.description == "ping")
        #expect(library.intents["test.ping"]?.examples.map(\.text) == ["ping please"])
    }

    @Test func descriptionsCannotInjectYAML() {
        #expect(PluginIntentsPack.quoted("x\"\n  - id: evil") == #""x\"\n  - id: evil""#)
    }

    @Test func logIsBounded() throws {
        let box = try Sandbox()
        let log = PluginLog(folder: box.path, id: "chatty", maxBytes: 1000)
        for _ in 0..<50 { log.append(Array(String(repeating: "x", count: 99).utf8) + [0x0A]) }
        let size = try FileManager.default.attributesOfItem(atPath: box.path + "/chatty.log")[.size] as? Int ?? 0
        let old = try FileManager.default.attributesOfItem(atPath: box.path + "/chatty.log.1")[.size] as? Int ?? 0
        #expect(size <= 1000 && old <= 1000)
        #expect(PluginLog.fileName("../../etc/passwd") == "_.._etc_passwd.log")
    }

    @Test func pluginDraftTextFollowsTheBuyersScript() {
        let texts: [Language: String] = [.simplifiedChinese: "可以预订", .english: "You can pre-order"]
        #expect(ExternalDraftProvider.text(texts, for: .traditionalChinese) == "可以預訂")
        #expect(ExternalDraftProvider.text(texts, for: .english) == "You can pre-order")
        #expect(ExternalDraftProvider.text([.english: "only English"], for: .simplifiedChinese) == "only English")
    }
}

@Suite("External plugins: logs are inert")
struct LogSafetyTests {
    @Test func escapeSequencesInStderrAreNeutralised() {
        let raw = Array("ok \u{1B}]52;c;aGk=\u{07} 中文\u{85}\n".utf8)
        let text = String(decoding: PluginLog.inert(raw), as: UTF8.self)
        #expect(text == "ok ^[]52;c;aGk=^G 中文<U+0085>\n")
    }

    @Test func aCharacterCutBetweenChunksIsKeptWhole() {
        let bytes = Array("中\u{202E}文".utf8)
        var tail: [UInt8] = []
        let first = PluginLog.inert(Array(bytes.prefix(4)), keepingTail: &tail)
        let second = PluginLog.inert(tail + Array(bytes.dropFirst(4)), keepingTail: &tail)
        #expect(String(decoding: first + second, as: UTF8.self) == "中<U+202E>文")
        #expect(tail.isEmpty)
    }
}
