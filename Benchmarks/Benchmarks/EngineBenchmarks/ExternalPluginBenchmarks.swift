import Benchmark
import Foundation
import KefuCore
import KefuExternalPlugins

/// What one external plugin adds per message: a `detect` round trip to the
/// Python example plugin (docs/examples/kefu-plugin-preorder.py), and the
/// whole `suggest` with it (detect + draft round trips) against without it.
func externalPluginBenchmarks(engineFor: @escaping @Sendable ([any IntentDetectorFactory], [any EntityExtractor]) -> Engine) {
    let example = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "docs/examples/kefu-plugin-preorder.py").path
    guard FileManager.default.isExecutableFile(atPath: example) else { return }
    let request = SuggestionRequest(variables: ["shop": "Acme"], maxDrafts: 5)

    Benchmark("External plugin detect round trip (Python example)", configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(5))) { (benchmark: Benchmark, host: ExternalPluginHost) in
        let text = TextNormalizer().normalize("这款什么时候有货？可以预订吗")
        for _ in benchmark.scaledIterations {
            blackHole(host.detect(text))
        }
    } setup: {
        let host = ExternalPluginHost(specs: [ExternalPluginSpec(command: [example], origin: "benchmark")])
        host.start()
        return host
    } teardown: { host in
        host.shutdown()
    }

    let next = MessageCursor()
    Benchmark("Engine.suggest per message with one external plugin (detect + draft)", configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(5))) { (benchmark: Benchmark, pair: (ExternalPluginStage, Engine)) in
        for _ in benchmark.scaledIterations {
            blackHole(pair.0.suggest(engine: pair.1, next.message(), request))
        }
    } setup: {
        let host = ExternalPluginHost(specs: [ExternalPluginSpec(command: [example], origin: "benchmark")])
        host.start()
        let stage = ExternalPluginStage(host: host)
        return (stage, engineFor(stage.detectorFactories, stage.extractors))
    } teardown: { pair in
        pair.0.host.shutdown()
    }
}
