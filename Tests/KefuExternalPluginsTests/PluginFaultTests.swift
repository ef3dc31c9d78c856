import Foundation
import KefuCore
import KefuTestSupport
import Testing

@testable import KefuExternalPlugins

/// Plugin faults from issue 11: failures counted per request kind, one
/// deadline per message for all plugins together, slow plugins named, and a
/// check that blocks everything reported.
@Suite("External plugins: faults")
struct PluginFaultTests {
    let ping = TextNormalizer().normalize("ping")

    func engine(_ host: ExternalPluginHost) -> Engine {
        let parts = ExternalPluginParts(host: host)
        return Engine(
            library: SnippetLibrary(), detectorFactories: parts.detectorFactories, extractors: parts.extractors,
            providers: parts.providers, checks: parts.checks)
    }

    func drafts(_ host: ExternalPluginHost) -> [PluginSkip] {
        host.drafts(ping, language: .english, intents: [], entities: [], variables: [:], tone: ToneReading()).skipped
    }

    /// Answers hello and detect, hangs on every draft: it used to be
    /// restarted on every message for ever, its detects resetting the count.
    @Test func failuresOfOneKindDisableThePluginWhateverTheOthersDo() throws {
        let box = try Sandbox()
        let warnings = HostWarnings()
        let host = try box.startedHost("hang-draft", id: "half", warnings: warnings) {
            $0.requestDeadline = 0.3
            $0.backoffBase = 0
            $0.backoffCap = 0
        }
        defer { host.shutdown() }
        var draftTimeouts = 0
        for _ in 0..<10 where host.statuses.first?.state != .disabled {
            // Each message: detect works (after the restart's hello), draft hangs.
            var detected = false
            for _ in 0..<20 where !detected {
                detected = host.detect(ping).reports.first?.signals.first?.intent == "test.ping"
            }
            #expect(detected)
            draftTimeouts += drafts(host).filter { $0.reason == .timeout }.count
        }
        #expect(draftTimeouts == 3)
        let status = try #require(host.statuses.first)
        #expect(status.state == .disabled)
        #expect(
            status.detail?.contains("3 failures in a row") == true && status.detail?.contains("(on draft)") == true,
            "\(status.detail ?? "")")
        #expect(warnings.all.filter { $0.contains("plugin half is disabled") }.count == 1)
    }

    /// Two plugins hanging at different request kinds used to cost one
    /// deadline each; now the second kind only gets what is left, or the
    /// late slice (a tenth of the deadline).
    @Test func oneMessageWaitsAtMostOneDeadlineForAllPlugins() throws {
        let box = try Sandbox()
        let host = box.host([try box.testPlugin("hang-detect", id: "stuck"), try box.testPlugin("hang-draft", id: "half")]) {
            $0.requestDeadline = 0.3
        }
        defer { host.shutdown() }
        host.start()
        let s = engine(host).suggest("ping", SuggestionRequest())
        let byID = Dictionary(uniqueKeysWithValues: s.pluginsSkipped.map { ($0.id, $0) })
        #expect(byID["stuck"]?.detail == "no answer within 300 ms")
        // `half` answered detect within the same wait; its draft got the late slice only.
        #expect(byID["half"]?.detail == "no answer within 30 ms (what was left of the message's 300 ms)", "\(s.pluginsSkipped)")
    }

    @Test func aSlowPluginIsNamed() throws {
        let box = try Sandbox()
        let warnings = HostWarnings()
        let host = try box.startedHost("slow", id: "sloth", warnings: warnings) {
            $0.requestDeadline = 2  // half is 1 s; the plugin takes 1.2 s and still answers
        }
        defer { host.shutdown() }
        let r = host.detect(ping)
        #expect(r.reports.first?.signals.first?.intent == "test.ping")
        #expect(
            host.statuses.first?.detail?.hasPrefix("slow: 1 answer(s) over half the deadline") == true,
            "\(host.statuses.first?.detail ?? "")")
        _ = host.detect(ping)
        let said = warnings.all
        #expect(said.count == 1, "once per session: \(said)")
        #expect(said.first?.contains("plugin sloth is slow") == true)
    }

    @Test func aCheckThatBlocksEveryDraftIsReported() throws {
        let box = try Sandbox()
        let host = try box.startedHost("block-all", id: "wall")
        defer { host.shutdown() }
        let drafts = ["Hi!", "Hello there"].map {
            ExternalPluginHost.CheckedDraft(snippet: "s", intent: nil, kind: "answer", language: .english, text: $0)
        }
        let r = host.check(drafts, message: ping)
        #expect(r.results.allSatisfy { $0.block })
        #expect(r.skipped.map(\.reason) == [.blockedEveryDraft])
        #expect(r.skipped.first?.detail == "blocked every draft it was shown (2)")
        // Still a working check: within one message it is asked again.
        let log = SkippedPluginLog()
        log.record([SkippedPlugin(id: "wall", reason: "blocked_every_draft", detail: "")])
        #expect(log.unavailableIDs.isEmpty)
    }
}
