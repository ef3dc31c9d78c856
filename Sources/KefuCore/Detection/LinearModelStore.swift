import Foundation

/// Finds or trains the linear model for a library.
///
/// Training costs a fraction of a second per few thousand examples: too much
/// for every start-up. The model depends only on the examples (their folded
/// text and intent) and the training settings, so it is keyed by a
/// fingerprint of exactly those: the built-in library's model is embedded in
/// the binary at build time (`BuiltinModel`), any other library's model is
/// trained once and cached in `$XDG_CACHE_HOME/kefu/models/<fingerprint>`.
/// A cache that cannot be read or written only costs the training again.
package enum LinearModelStore {
    /// Bumped whenever features, training or the file format change.
    static let version = "lm-2"

    /// Models embedded in the binary, by fingerprint (the built-in packs').
    nonisolated(unsafe) private static var embedded: [String: @Sendable () -> [UInt8]] = [:]
    private static let lock = NSLock()

    /// Registers an embedded model (called by the built-in snippets module
    /// before any engine is built).
    package static func embed(fingerprint: String, bytes: @escaping @Sendable () -> [UInt8]) {
        lock.withLock { embedded[fingerprint] = bytes }
    }

    /// The training set of a library, in a fixed order: intents by id, each
    /// intent's examples as loaded, then `other`.
    /// Whether the model learns from `e`: full-weight examples only (a
    /// learned example not yet confirmed is a neighbour, not training), and
    /// only the built-in packs' with `builtInOnly`. The training set, its
    /// fingerprint and the model's reach over each intent all count by it.
    static func trains(_ e: ExampleMessage, builtInOnly: Bool) -> Bool {
        e.isFullWeight && (!builtInOnly || e.location.isBuiltIn)
    }

    /// `builtInOnly`: only the built-in packs' examples.
    static func trainingSet(_ library: SnippetLibrary, normalizer: TextNormalizer, builtInOnly: Bool = false) -> (
        classes: [String], examples: [LinearIntentModel.Example]
    ) {
        let ids = intentIDs(library, builtInOnly: builtInOnly)
        var examples: [LinearIntentModel.Example] = []
        for (c, id) in ids.enumerated() {
            for e in library.intents[id]?.examples ?? [] where trains(e, builtInOnly: builtInOnly) {
                let t = normalizer.normalize(e.text)
                if !t.isEmpty { examples.append(.init(text: t.scalars, label: c)) }
            }
        }
        for e in library.otherExamples where trains(e, builtInOnly: builtInOnly) {
            let t = normalizer.normalize(e.text)
            if !t.isEmpty { examples.append(.init(text: t.scalars, label: ids.count)) }
        }
        return (ids + [otherIntentID], examples)
    }

    /// The key of a library's model: FNV-1a over the version, the intent ids
    /// and every example as written (with its intent), in training order.
    /// Normalisation is part of the version: a change to it bumps `version`.
    static func fingerprint(of library: SnippetLibrary, builtInOnly: Bool = false) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ v: UInt64) { h = (h ^ v) &* 0x100_0000_01b3 }
        for b in (version + "/raw").utf8 { mix(UInt64(b)) }
        let ids = intentIDs(library, builtInOnly: builtInOnly)
        for (c, id) in ids.enumerated() {
            for b in id.utf8 { mix(UInt64(b)) }
            mix(0xFFFF)
            for e in library.intents[id]?.examples ?? [] where trains(e, builtInOnly: builtInOnly) {
                mix(UInt64(c) | 0x1_0000_0000)
                for b in e.text.utf8 { mix(UInt64(b)) }
                mix(0xFFFE)
            }
        }
        for e in library.otherExamples where trains(e, builtInOnly: builtInOnly) {
            mix(UInt64(ids.count) | 0x1_0000_0000)
            for b in e.text.utf8 { mix(UInt64(b)) }
            mix(0xFFFE)
        }
        return hex(h)
    }

    /// The classes: every intent, or with `builtInOnly` those the built-in
    /// packs give examples of (so that the built-in packs' examples alone,
    /// under any shop's packs, have the same key as the model in the binary).
    private static func intentIDs(_ library: SnippetLibrary, builtInOnly: Bool) -> [String] {
        library.intents.keys.sorted().filter { id in
            !builtInOnly || (library.intents[id]?.examples.contains { $0.location.isBuiltIn } ?? false)
        }
    }

    private static func hex(_ h: UInt64) -> String {
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// FNV-1a over the version, the classes and every example: 16 hex digits.
    static func fingerprint(classes: [String], examples: [LinearIntentModel.Example]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ v: UInt64) { h = (h ^ v) &* 0x100_0000_01b3 }
        for b in version.utf8 { mix(UInt64(b)) }
        for c in classes { for b in c.utf8 { mix(UInt64(b)) }; mix(0xFFFF) }
        for e in examples {
            mix(UInt64(e.label) | 0x1_0000_0000)
            for v in e.text { mix(UInt64(v)) }
            mix(0xFFFE)
        }
        return hex(h)
    }

    /// The library's model: embedded, cached, or trained now (and cached).
    /// `nil` when the library has no examples to learn from.
    /// Keyed by the examples as written (`fingerprint(of:)`), so a model in
    /// the binary or the cache is found without normalising every example
    /// first (tens of milliseconds on the way to the first answer).
    /// `builtInOnly`: the model of the built-in packs' examples alone (the
    /// one in the binary, unless a built-in pack is disabled).
    static func model(
        for library: SnippetLibrary, normalizer: TextNormalizer, builtInOnly: Bool = false,
        cacheDirectory: String? = defaultCacheDirectory()
    ) -> LinearIntentModel? {
        let key = fingerprint(of: library, builtInOnly: builtInOnly)
        if let m = stored(key, cacheDirectory: cacheDirectory) { return m }
        let set = trainingSet(library, normalizer: normalizer, builtInOnly: builtInOnly)
        return model(classes: set.classes, examples: set.examples, key: key, cacheDirectory: cacheDirectory)
    }

    static func model(classes: [String], examples: [LinearIntentModel.Example], key: String? = nil, cacheDirectory: String?)
        -> LinearIntentModel?
    {
        guard classes.count > 1, !examples.isEmpty else { return nil }
        let key = key ?? fingerprint(classes: classes, examples: examples)
        if let m = stored(key, cacheDirectory: cacheDirectory) { return m }
        let file = cacheDirectory.map { $0 + "/" + key + ".lm" }
        let m = LinearIntentModel.train(examples, classes: classes)
        if let file { write(m.serialized(), to: file) }
        return m
    }

    /// The model stored under `key`: embedded in the binary, or cached.
    private static func stored(_ key: String, cacheDirectory: String?) -> LinearIntentModel? {
        if let bytes = lock.withLock({ embedded[key] }), let m = LinearIntentModel(serialized: bytes()) { return m }
        if let file = cacheDirectory.map({ $0 + "/" + key + ".lm" }), let data = FileManager.default.contents(atPath: file),
            let m = LinearIntentModel(serialized: Array(data))
        {
            return m
        }
        return nil
    }

    /// How many parts `kefu test` splits the built-in examples into: each is
    /// checked against a model trained without its part, as if unseen. (A
    /// shop's own examples are checked against the built-in model, which
    /// never saw them.) Five trainings, once per change of the built-in
    /// examples, then cached.
    static let folds = 5

    /// The part an example falls in, from its folded text alone (the same
    /// on every machine and every run).
    static func fold(of text: some Sequence<UInt32>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for v in text { h = (h ^ UInt64(v)) &* 0x100_0000_01b3 }
        return Int(h % UInt64(folds))
    }

    /// One model per fold of the built-in packs' examples, each trained
    /// without that fold (cached like any other): a built-in example is
    /// tested against the model that did not see it.
    static func heldOutModels(for library: SnippetLibrary, normalizer: TextNormalizer, cacheDirectory: String?) -> [LinearIntentModel?] {
        let set = trainingSet(library, normalizer: normalizer, builtInOnly: true)
        let folds = set.examples.map { fold(of: $0.text) }
        return Concurrently.map(Array(0..<Self.folds)) { f in
            let kept = zip(set.examples, folds).filter { $0.1 != f }.map(\.0)
            return model(classes: set.classes, examples: kept, cacheDirectory: cacheDirectory)
        }
    }

    /// The model of a library, trained now, with its fingerprint: what the
    /// build embeds for the built-in packs (`EmbedSnippetsTool`).
    package static func trained(for library: SnippetLibrary, normalizer: TextNormalizer = TextNormalizer()) -> (
        fingerprint: String, bytes: [UInt8]
    )? {
        let set = trainingSet(library, normalizer: normalizer)
        guard set.classes.count > 1, !set.examples.isEmpty else { return nil }
        return (fingerprint(of: library), LinearIntentModel.train(set.examples, classes: set.classes).serialized())
    }

    /// `$XDG_CACHE_HOME/kefu/models`, or `~/.cache/kefu/models`.
    package static func defaultCacheDirectory() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let x = env["XDG_CACHE_HOME"], x.hasPrefix("/") { return x + "/kefu/models" }
        if let home = env["HOME"], home.hasPrefix("/") { return home + "/.cache/kefu/models" }
        return nil
    }

    /// Written to a temporary file and renamed into place: a reader never
    /// sees half a model, and two processes training at once both succeed.
    private static func write(_ bytes: [UInt8], to path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temp = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temp, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else { return }
        if rename(temp, path) != 0 { unlink(temp) }
    }
}
