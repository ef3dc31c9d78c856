import Foundation
import KefuCore
import KefuTestSupport
import Testing

@testable import KefuExternalPlugins

@Suite("External plugins: handshake and round trips")
struct HandshakeTests {
    @Test func handshakeDeclaresIDVersionCapabilitiesAndIntents() throws {
        let box = try Sandbox()
        let host = try box.startedHost("ok", id: "alpha")
        defer { host.shutdown() }
        let status = try #require(host.statuses.first)
        #expect(status.state == .loaded)
        #expect(status.id == "alpha")
        #expect(status.declaration?.version == "1.2.3")
        #expect(status.declaration?.capabilities == [.detect, .extract, .draft, .check])
        #expect(host.declaredIntents.map(\.id) == ["test.ping"])
        #expect(status.declaration?.examples.first?.intents == ["test.ping"])
    }

    @Test func detectRoundTripCarriesEvidenceWithoutControlSequences() throws {
        let box = try Sandbox()
        let host = try box.startedHost("ok")
        defer { host.shutdown() }
        let text = TextNormalizer().normalize("PING please")
        let r = host.detect(text)
        #expect(r.skipped.isEmpty)
        let signal = try #require(r.reports.first?.signals.first)
        #expect(signal.intent == "test.ping")
        #expect(signal.score == 0.9)
        #expect(signal.evidence.first?.detector == "tp")
        #expect(signal.evidence.first?.detail == "ping")  // the OSC 52 is gone
        // The process is kept: a second request goes to the same one.
        #expect(host.detect(text).reports.count == 1)
        #expect(host.statuses.first?.restarts == 0)
    }

    @Test func extractKeepsKnownKindsOnly() throws {
        let box = try Sandbox()
        let host = try box.startedHost("ok")
        defer { host.shutdown() }
        let r = host.extract(TextNormalizer().normalize("order please"))
        #expect(r.entities.map(\.kind) == [.orderID])
        #expect(r.entities.first?.value == "T-42")
    }

    @Test func draftRoundTripReturnsTextsPerLanguageAsPlainText() throws {
        let box = try Sandbox()
        let host = try box.startedHost("ok")
        defer { host.shutdown() }
        let r = host.drafts(
            TextNormalizer().normalize("ping"), language: .english, intents: [], entities: [], variables: ["shop": "Acme"],
            tone: .calm)
        let draft = try #require(r.drafts.first)
        #expect(draft.id == "test.pong")
        #expect(draft.intents == ["test.ping"])
        #expect(draft.priority == 80)
        #expect(draft.texts[.english] == "Pong for {{shop}} en")  // never rendered as a template
        #expect(draft.texts[.simplifiedChinese] == "乒乓")
    }

    @Test func checkRoundTripWarnsAndBlocksPerDraft() throws {
        let box = try Sandbox()
        let host = try box.startedHost("ok", id: "chk")
        defer { host.shutdown() }
        let drafts = [
            ExternalPluginHost.CheckedDraft(snippet: "a", intent: nil, kind: "answer", language: .english, text: "short"),
            ExternalPluginHost.CheckedDraft(
                snippet: "b", intent: "x", kind: "answer", language: .english, text: String(repeating: "long ", count: 10)),
        ]
        let r = host.check(drafts, message: TextNormalizer().normalize("hi"))
        #expect(r.results.count == 2)
        #expect(r.results[0].warnings.isEmpty && !r.results[0].block)
        #expect(r.results[1].block)
        #expect(r.results[1].warnings.map(\.code) == ["chk:long"])
    }

    @Test func pluginErrorAnswerIsASkipNotAFailure() throws {
        let box = try Sandbox()
        let host = try box.startedHost("error")
        defer { host.shutdown() }
        let r = host.detect(TextNormalizer().normalize("ping"))
        #expect(r.skipped.map(\.reason) == [.pluginError])
        #expect(r.skipped.first?.detail == "no catalogue loaded")
        #expect(host.statuses.first?.state == .loaded)
    }

    @Test func stderrIsKeptInTheLog() throws {
        let box = try Sandbox()
        let host = try box.startedHost("ok", id: "loud")
        _ = host.detect(TextNormalizer().normalize("ping"))
        host.shutdown()
        let log = try String(contentsOfFile: box.path + "/logs/loud.log", encoding: .utf8)
        #expect(log.contains("test plugin loud starting in mode ok"))
        #expect(log.contains("ready: loud 1.2.3"))
    }
}

@Suite("External plugins: disabled by configuration")
struct DisabledTests {
    @Test func disabledPluginsNeverRun() throws {
        let box = try Sandbox()
        let byName = try box.testPlugin("ok", id: "off")  // file kefu-plugin-off.py
        let byID = try box.testPlugin("ok", id: "gone")
        var settings = TestPlugin.settings
        settings.logFolder = box.path + "/logs"
        let host = ExternalPluginHost(specs: [byName, byID], settings: settings, disabledIDs: ["off", "gone"])
        defer { host.shutdown() }
        host.start()
        #expect(host.statuses.map(\.state) == [.disabled, .disabled])
        #expect(!FileManager.default.fileExists(atPath: box.path + "/off.started"))
        #expect(host.detect(TextNormalizer().normalize("ping")).skipped.isEmpty)
    }
}
