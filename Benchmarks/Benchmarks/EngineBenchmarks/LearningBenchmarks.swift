import Benchmark
import Foundation
import KefuBuiltinSnippets
import KefuCore
import KefuPlugins

/// What learning costs per Enter in the REPL (issue 9's bar: at most 5 ms
/// more with 5,000 learned examples): the same engine as the REPL builds
/// (built-in packs, every built-in code plugin), asked as the REPL asks
/// (explanations, five drafts), without and with the learned layer: 5,000
/// learned examples (`LearnedPack`, `PackLayer.learned`, two in five
/// confirmed and trained into the model) and a pick table of every
/// snippet, its adjustments worked out afresh on every Enter as the REPL does.
func learningBenchmarks() {
    let builtin = BuiltinSnippets.files.map { PackSource(path: "builtin:" + $0.path, text: $0.text, layer: .builtin) }
    func engine(_ sources: [PackSource]) -> Engine {
        let parts = BuiltinPlugins.loaded().parts
        return Engine(
            library: SnippetLibrary.load(sources), detectorFactories: parts.detectorFactories, extractors: parts.extractors,
            providers: parts.providers, checks: parts.checks)
    }
    let request = SuggestionRequest(variables: ["shop": "Acme", "agent": "Mia"], maxDrafts: 5, explain: true)

    let without = MessageCursor()
    Benchmark("Enter → drafts, REPL engine (no learned examples)", configuration: .init(scalingFactor: .one)) {
        (benchmark: Benchmark, engine: Engine) in
        for _ in benchmark.scaledIterations {
            blackHole(engine.suggest(without.message(), request))
        }
    } setup: {
        let e = engine(builtin)
        for m in Messages.all { _ = e.suggest(m, request) }
        return e
    }

    let with = MessageCursor()
    Benchmark("Enter → drafts, REPL engine (5,000 learned examples, pick rates)", configuration: .init(scalingFactor: .one)) {
        (benchmark: Benchmark, learned: LearnedSetup) in
        for _ in benchmark.scaledIterations {
            var r = request
            r.picks = learned.picks.adjustments(at: Date())
            blackHole(learned.engine.suggest(with.message(), r))
        }
    } setup: {
        let base = engine(builtin)
        let examples = LearnedExamples.generate(5_000, labelledBy: base)
        let e = engine(builtin + [PackSource(path: "learned/learned.yaml", text: LearnedPack.yaml(examples), layer: .learned)])
        // The learned layer really is there: every example loaded, none refused.
        func exampleCount(_ e: Engine) -> Int { e.library.intents.values.reduce(0) { $0 + $1.examples.count } }
        precondition(e.library.diagnostics.isEmpty, "\(e.library.diagnostics)")
        precondition(exampleCount(e) - exampleCount(base) >= 4_500, "learned examples not loaded")
        for m in Messages.all { _ = e.suggest(m, request) }
        return LearnedSetup(engine: e, picks: LearnedExamples.picks(for: base.library))
    }
}

/// The other cost of learning: a copy that teaches rewrites the learned
/// pack and the REPL reloads its packs at once (parse, build the engine;
/// the neighbours and the model build on threads of their own), so the
/// next message waits for whatever of that is left. Measured to the first
/// answer, against the same reload without the learned layer. The model
/// comes from the cache, as after a lesson that confirms nothing (a new
/// confirmation changes the training set: the model is trained again, as
/// `Reload with a 10,000-example pack` measures).
func learningReloadBenchmarks() {
    let builtin = BuiltinSnippets.files.map { PackSource(path: "builtin:" + $0.path, text: $0.text, layer: .builtin) }
    let parts = BuiltinPlugins.loaded().parts
    func engine(_ sources: [PackSource]) -> Engine {
        Engine(
            library: SnippetLibrary.load(sources), detectorFactories: parts.detectorFactories, extractors: parts.extractors,
            providers: parts.providers, checks: parts.checks)
    }
    let request = SuggestionRequest(variables: ["shop": "Acme", "agent": "Mia"], maxDrafts: 5, explain: true)
    let learned = PackSource(
        path: "learned/learned.yaml", text: LearnedPack.yaml(LearnedExamples.generate(5_000, labelledBy: engine(builtin))), layer: .learned)
    for (name, sources) in [("no learned examples", builtin), ("5,000 learned examples", builtin + [learned])] {
        _ = engine(sources).suggest("warm the model cache", request)
        Benchmark("Reload after a lesson to first answer (\(name))", configuration: .init(maxDuration: .seconds(10), maxIterations: 100)) {
            benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(engine(sources).suggest("我的快递到哪了", request))
            }
        }
    }
}

struct LearnedSetup: Sendable {
    var engine: Engine
    var picks: PickRates
}

/// Learned examples as an agent's copies make them: buyer messages much like
/// the ones the benchmark asks (so the neighbours have real work), each
/// labelled with the intent the built-in packs give it (what a copy of draft
/// 1 teaches) or, one in eight, another intent (a correction).
enum LearnedExamples {
    static let openers = ["", "亲 ", "你好 ", "在吗 ", "hi ", "hello ", "请问 ", "老板 ", "客服 ", "麻烦 "]
    static let closers = ["", " 谢谢", " 急", " 在线等", " thanks", " pls", " 快点", "？", "!!", " 好吗"]

    static func generate(_ count: Int, labelledBy engine: Engine) -> [LearnedExample] {
        let intents = engine.library.intents.keys.filter { $0 != "other" }.sorted()
        let now = "2026-12-01T08:00:00.000Z"
        return (0..<count).map { k in
            let base = Messages.all[k % Messages.all.count]
            let text =
                openers[(k / Messages.all.count) % openers.count] + base + closers[(k / 7) % closers.count] + " #\(k / 400)"
            let normal = engine.normalizer.normalize(text)
            let first = engine.suggest(text, SuggestionRequest(maxDrafts: 1, explain: false)).intents.first?.intent
            let intent = k % 8 == 0 || first == nil ? intents[k % intents.count] : first!
            return LearnedExample(
                id: k + 1, intent: intent, text: text, folded: normal.folded, language: normal.language,
                votes: k % 5 < 2 ? LearningPolicy.confirmations : 1, source: k % 8 == 0 ? .correction : .copy, learned: now,
                lastVote: now)
        }
    }

    /// Every snippet offered and some picked, recently enough to count.
    static func picks(for library: SnippetLibrary) -> PickRates {
        var rates = PickRates()
        let ids = library.snippets.map(\.id)
        let now = Date()
        for (i, id) in ids.enumerated() {
            for k in 0..<6 {
                rates.record(offered: [id, ids[(i + 1) % ids.count]], picked: k % 2 == 0 ? id : ids[(i + 1) % ids.count], at: now)
            }
        }
        return rates
    }
}
