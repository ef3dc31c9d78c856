import Benchmark
import Foundation
import KefuBuiltinSnippets
import KefuCore
import KefuPlugins

/// Engine time per message, start-up to ready, and `kefu suggest` throughput.
/// Figures are reported, not gated: run-to-run noise on these machines is up to 2x.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(5), maxIterations: 1_000_000)

    let builtin = BuiltinSnippets.files.map { PackSource(path: "builtin:" + $0.path, text: $0.text, layer: .builtin) }
    func engine(_ sources: [PackSource]) -> Engine {
        Engine(library: SnippetLibrary.load(sources), detectorFactories: BuiltinPlugins.detectorFactories)
    }
    // As `kefu suggest` asks in batch: five drafts, no explanations (the REPL
    // asks for them, one message at a time).
    let request = SuggestionRequest(variables: ["shop": "Acme", "agent": "Mia"], maxDrafts: 5, explain: false)

    // One message per iteration, cycling through a varied list.
    for (name, extra) in [("built-in", 0), ("1,000 snippets", 1_000), ("10,000 snippets", 10_000)] {
        // The closure runs once per sample: the message counter must live
        // outside it, or every sample measures the first message.
        let next = MessageCursor()
        Benchmark("Engine.suggest per message (\(name))", configuration: .init(scalingFactor: .one)) {
            (benchmark: Benchmark, engine: Engine) in
            for _ in benchmark.scaledIterations {
                blackHole(engine.suggest(next.message(), request))
            }
        } setup: {
            let e = engine(builtin + (extra > 0 ? GeneratedPacks.sources(snippets: extra) : []))
            // Warm OpenCC (t2s/s2t open on first use) so the figure is per message.
            for m in Messages.all { _ = e.suggest(m, request) }
            return e
        }
    }

    // The engine as `kefu suggest` and the REPL run it: every built-in code
    // plugin loaded, with its draft providers (logistics, upsell) and checks
    // (compliance) as well as its detectors.
    let withPlugins = MessageCursor()
    Benchmark("Engine.suggest per message (built-in, all code plugins)", configuration: .init(scalingFactor: .one)) {
        (benchmark: Benchmark, engine: Engine) in
        for _ in benchmark.scaledIterations {
            blackHole(engine.suggest(withPlugins.message(), request))
        }
    } setup: {
        let parts = BuiltinPlugins.loaded().parts
        let e = Engine(
            library: SnippetLibrary.load(builtin), detectorFactories: parts.detectorFactories, extractors: parts.extractors,
            providers: parts.providers, checks: parts.checks)
        for m in Messages.all { _ = e.suggest(m, request) }
        return e
    }

    learningBenchmarks()
    learningReloadBenchmarks()

    externalPluginBenchmarks { external in
        Engine(
            library: SnippetLibrary.load(builtin), detectorFactories: BuiltinPlugins.detectorFactories + external.detectorFactories,
            extractors: external.extractors, providers: external.providers, checks: external.checks)
    }

    // Loading packs and building the engine: what start-up costs before the
    // first prompt (the statistical detectors go on building in the
    // background), and before the first answer (they are ready). Models
    // come from the binary (built-in) or the cache, as on any start but the
    // first after a pack changes.
    for (name, extra) in [("built-in", 0), ("10,000 snippets", 10_000)] {
        let sources = builtin + (extra > 0 ? GeneratedPacks.sources(snippets: extra) : [])
        _ = engine(sources).suggest("warm the model cache", request)
        Benchmark("Load packs and build engine (\(name))", configuration: .init(maxDuration: .seconds(10), maxIterations: 200)) {
            benchmark in
            for _ in benchmark.scaledIterations {
                let e = engine(sources)
                benchmark.stopMeasurement()
                _ = e.suggest("where is my parcel", request)  // let its background builds finish unmeasured
                benchmark.startMeasurement()
                blackHole(e)
            }
        }
        Benchmark("Load packs, build engine, first answer (\(name))", configuration: .init(maxDuration: .seconds(10), maxIterations: 200)) {
            benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(engine(sources).suggest("where is my parcel", request))
            }
        }
    }

    // A pack save in the REPL with a shop's 10,000 examples: the new engine
    // answers once its model is trained (no cache: trained every time).
    let bigPack = builtin + [GeneratedPacks.examplePack(examples: 10_000)]
    Benchmark(
        "Reload with a 10,000-example pack: train and first answer", configuration: .init(maxDuration: .seconds(20), maxIterations: 20)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            var options = Engine.Options()
            options.modelCache = nil
            let e = Engine(library: SnippetLibrary.load(bigPack), detectorFactories: BuiltinPlugins.detectorFactories, options: options)
            blackHole(e.suggest("where is my parcel", request))
        }
    }

    // The real binary, end to end.
    let binary = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: ".build/release/kefu").path
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        print("note: \(binary) not found; run `swift build -c release` in the main package for the process benchmarks")
        return
    }
    let lines = (0..<20_000).map { Messages.all[$0 % Messages.all.count] }.joined(separator: "\n") + "\n"
    Benchmark(
        "kefu suggest, 20,000 messages (jsonl)",
        configuration: .init(metrics: [.wallClock, .cpuTotal], maxDuration: .seconds(30), maxIterations: 5)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? run(binary, ["suggest", "--format", "jsonl", "--no-user-packs"], input: lines))
        }
    }
    Benchmark(
        "kefu process start to first result", configuration: .init(metrics: [.wallClock], maxDuration: .seconds(10), maxIterations: 50)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? run(binary, ["suggest", "--format", "jsonl", "--no-user-packs"], input: "where is my parcel\n"))
        }
    }
}

/// Cycles through `Messages.all` across samples.
final class MessageCursor: @unchecked Sendable {
    private var i = 0
    func message() -> String {
        defer { i += 1 }
        return Messages.all[i % Messages.all.count]
    }
}

/// Runs a process with `input` on stdin and returns its stdout.
func run(_ path: String, _ arguments: [String], input: String) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let stdin = Pipe(), stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = FileHandle.nullDevice
    try process.run()
    let writer = Thread {
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return output
}
