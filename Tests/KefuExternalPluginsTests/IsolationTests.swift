import Foundation
import KefuCore
import KefuTestSupport
import Testing

@testable import KefuExternalPlugins

@Suite("External plugins: isolation")
struct IsolationTests {
    let ping = TextNormalizer().normalize("ping")

    /// Fails the test if `body` takes longer than `bound` seconds: a bound
    /// generous enough for a loaded machine, there to catch a hang.
    func within<T>(_ bound: Double, _ body: () -> T) -> T {
        let start = MonotonicClock.now
        let r = body()
        #expect(MonotonicClock.now - start < bound, "took \(MonotonicClock.now - start) s")
        return r
    }

    @Test func timeoutSkipsThePluginThenItRestarts() throws {
        let box = try Sandbox()
        let host = try box.startedHost("hang-once") { $0.requestDeadline = 0.3 }
        defer { host.shutdown() }
        let r = within(10) { host.detect(ping) }
        #expect(r.skipped.map(\.reason) == [.timeout])
        #expect(r.skipped.first?.detail == "no answer within 300 ms")
        #expect(host.statuses.first?.state == .restarting)
        // After the back-off, the next request starts a new process, whose
        // answer arrives within the same call or one of the next few.
        host.plugins[0].lock.lock(); host.plugins[0].phase = .backingOff(until: 0); host.plugins[0].lock.unlock()
        // Up to 20 tries before; a deadline of 30 s allows at least as many.
        let answered = Poll.untilTrue(timeout: 30, interval: 0.1) {
            host.detect(ping).reports.first?.signals.first?.intent == "test.ping"
        }
        #expect(answered)
        #expect(host.statuses.first?.state == .loaded)
        #expect(host.statuses.first?.restarts == 1)
    }

    @Test func crashIsRestartedWithBackoffThenDisabled() throws {
        let box = try Sandbox()
        let host = try box.startedHost("crash-detect") { $0.maxConsecutiveFailures = 3 }
        defer { host.shutdown() }
        var reasons: [PluginSkip.Reason] = []
        // Up to 40 tries before; a deadline of 30 s allows at least as many.
        _ = Poll.untilTrue(timeout: 30, interval: 0.02) {
            reasons += host.detect(ping).skipped.map(\.reason)
            return host.statuses.first?.state == .disabled
        }
        #expect(reasons.filter { $0 == .crashed }.count == 3, "\(reasons)")
        let status = try #require(host.statuses.first)
        #expect(status.state == .disabled)
        #expect(status.detail?.contains("disabled after 3 failures in a row; last: exited with status 3") == true)
        // Disabled stays disabled, and costs nothing.
        let r = within(5) { host.detect(ping) }
        #expect(r.skipped.map(\.reason) == [.disabled])
    }

    @Test func garbageOutputIsAFailure() throws {
        let box = try Sandbox()
        let host = try box.startedHost("garbage")
        defer { host.shutdown() }
        let r = host.detect(ping)
        #expect(r.skipped.map(\.reason) == [.invalidOutput])
        #expect(r.skipped.first?.detail.contains("not a JSON object") == true)
        #expect(host.statuses.first?.state == .restarting)
    }

    @Test func wrongIDIsAFailure() throws {
        let box = try Sandbox()
        let host = try box.startedHost("wrong-id")
        defer { host.shutdown() }
        let r = host.detect(ping)
        #expect(r.skipped.map(\.reason) == [.wrongID])
        #expect(r.skipped.first?.detail == "answered id 101, expected 1")
    }

    @Test func floodingStdoutIsAFailure() throws {
        let box = try Sandbox()
        let host = try box.startedHost("flood")
        defer { host.shutdown() }
        let r = within(20) { host.detect(ping) }
        #expect(r.skipped.map(\.reason) == [.flood])
    }

    @Test func slowStartWithinTheHandshakeDeadlineLoads() throws {
        let box = try Sandbox()
        // The request deadline is far shorter than the start-up: the
        // handshake has its own.
        let host = try box.startedHost("slow-start") { $0.requestDeadline = 0.2 }
        defer { host.shutdown() }
        #expect(host.statuses.first?.state == .loaded, "\(host.statuses.first?.detail ?? "")")
    }

    @Test func noHelloWithinTheHandshakeDeadlineFails() throws {
        let box = try Sandbox()
        let host = box.host([try box.testPlugin("never-hello")]) { $0.handshakeDeadline = 0.5 }
        defer { host.shutdown() }
        within(10) { host.start() }
        let status = try #require(host.statuses.first)
        #expect(status.state == .restarting)
        #expect(status.detail == "no hello within 500 ms")
    }

    @Test func otherProtocolVersionIsRefused() throws {
        let box = try Sandbox()
        let host = try box.startedHost("old-protocol")
        defer { host.shutdown() }
        #expect(host.statuses.first?.detail == "speaks protocol 2, kefu speaks 1")
    }

    @Test func aHangingPluginDoesNotHoldBackTheOthers() throws {
        let box = try Sandbox()
        let host = box.host([
            try box.testPlugin("hang-detect", id: "stuck"), try box.testPlugin("ok", id: "quick"),
            try box.testPlugin("ok", id: "quick2"),
        ]) { $0.requestDeadline = 2 }  // the quick ones must answer within it, even on a loaded machine
        defer { host.shutdown() }
        host.start()
        let r = within(10) { host.detect(ping) }
        #expect(Set(r.reports.compactMap { $0.signals.first?.evidence.first?.detector }) == ["quick", "quick2"])
        #expect(r.skipped.map(\.plugin) == ["stuck"])
        #expect(r.skipped.map(\.reason) == [.timeout])
    }

    @Test func aKilledPluginTakesItsChildrenWithIt() throws {
        let box = try Sandbox()
        let pidFile = box.path + "/sleeper.pid"
        let path = try box.script(
            "kefu-plugin-sleeper",
            """
            #!/bin/sh
            sleep 60 &
            echo $! > \(pidFile)
            read hello
            echo '{"type":"hello","protocol":1,"id":"sleeper","capabilities":["detect"]}'
            read request
            sleep 60
            """)
        let host = box.host([ExternalPluginSpec(command: [path], origin: box.path)]) { $0.requestDeadline = 0.3 }
        defer { host.shutdown() }
        host.start()
        #expect(host.detect(ping).skipped.map(\.reason) == [.timeout])
        let pid = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // Gone, or a zombie waiting for whoever adopted it to reap it.
        let gone = Poll.untilTrue(timeout: 1, interval: 0.02) { ProcessTable.isGone(pid) }
        #expect(gone, "the plugin's background sleep outlived it")
    }
}

@Suite("External plugins: one message, one deadline")
struct MessageBudgetTests {
    @Test func aPluginSkippedOnceIsNotAskedAgainForTheSameMessage() throws {
        let box = try Sandbox()
        // Hangs on every request: restarted at once (no back-off), it would
        // hang again on extract, draft and check if it were asked.
        let host = try box.startedHost("hang-all", id: "slowpoke") {
            $0.requestDeadline = 0.3
            $0.backoffBase = 0
            $0.backoffCap = 0
        }
        defer { host.shutdown() }
        let parts = ExternalPluginParts(host: host)
        let engine = Engine(
            library: SnippetLibrary(), detectorFactories: parts.detectorFactories, extractors: parts.extractors,
            providers: parts.providers, checks: parts.checks)
        let s = engine.suggest("ping", SuggestionRequest())
        #expect(s.pluginsSkipped.map(\.id) == ["slowpoke"])
        #expect(s.pluginsSkipped.map(\.reason) == ["timeout"])
        // One failure, not one per kind of request.
        #expect(host.statuses.first?.restarts == 1)
    }
}
