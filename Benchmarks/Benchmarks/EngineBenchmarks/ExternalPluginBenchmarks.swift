import Benchmark
import Foundation
import KefuCore
import KefuExternalPlugins

/// What one external plugin adds per message: a `detect` round trip to the
/// Python example plugin (docs/examples/kefu-plugin-preorder.py), and the
/// whole `suggest` with it (detect + draft round trips) against without it.
func externalPluginBenchmarks(engineFor: @escaping @Sendable (ExternalPluginParts) -> Engine) {
    let example = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "docs/examples/kefu-plugin-preorder.py").path
    guard FileManager.default.isExecutableFile(atPath: example) else { return }
    let request = SuggestionRequest(variables: ["shop": "Acme"], maxDrafts: 5)
    let started = StartedHosts()

    Benchmark(
        "External plugin detect round trip (Python example)",
        configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(5))
    ) { (benchmark: Benchmark, host: ExternalPluginHost) in
        let text = TextNormalizer().normalize("这款什么时候有货？可以预订吗")
        for _ in benchmark.scaledIterations {
            blackHole(host.detect(text))
        }
    } setup: {
        started.start(example)
    } teardown: {
        started.shutdown()
    }

    let next = MessageCursor()
    Benchmark(
        "Engine.suggest per message with one external plugin (detect + draft)",
        configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(5))
    ) { (benchmark: Benchmark, engine: Engine) in
        for _ in benchmark.scaledIterations {
            blackHole(engine.suggest(next.message(), request))
        }
    } setup: {
        engineFor(ExternalPluginParts(host: started.start(example)))
    } teardown: {
        started.shutdown()
    }
}

/// Hosts started in a benchmark's setup, for its teardown to stop.
final class StartedHosts: @unchecked Sendable {
    private let lock = NSLock()
    private var hosts: [ExternalPluginHost] = []

    func start(_ plugin: String) -> ExternalPluginHost {
        let host = ExternalPluginHost(commands: [ExternalPluginSpec(command: [plugin], origin: "benchmark")])
        host.start()
        lock.lock(); hosts.append(host); lock.unlock()
        return host
    }

    func shutdown() {
        lock.lock(); let all = hosts; hosts = []; lock.unlock()
        for h in all { h.shutdown() }
    }
}
