/// All loaded packs merged into one library: later layers override earlier
/// ones by id, `extends: true` intents add to earlier ones, and every pack that
/// failed is kept with its diagnostics so it can be reported.
public struct SnippetLibrary: Sendable {
    package struct Failure: Sendable {
        package var source: String
        package var layer: PackLayer
        package var diagnostics: [Diagnostic]
    }

    package private(set) var packs: [Pack.Info] = []
    /// Merged intents, by id, `other` excluded.
    public private(set) var intents: [String: IntentDefinition] = [:]
    /// Examples of the reserved `other` intent: messages that are no intent.
    package private(set) var otherExamples: [ExampleMessage] = []
    /// Words that place a message outside any shop need (`other`'s
    /// triggers: 出租车, 班主任, flight, landlord): they make every intent
    /// less likely rather than deciding one.
    package private(set) var otherTriggers: [Trigger] = []
    /// Merged snippets, in load order.
    public private(set) var snippets: [SnippetDefinition] = []
    package private(set) var partials: [String: LocalizedTemplates] = [:]
    package private(set) var failures: [Failure] = []
    /// Position of each snippet id in `snippets`, for overriding by id in constant time.
    private var snippetIndex: [String: Int] = [:]

    /// Every problem of the packs that failed to load, in load order.
    public var diagnostics: [Diagnostic] { failures.flatMap(\.diagnostics) }

    package init() {}

    /// Parses and merges `sources` in order. `problems` are reading errors found
    /// before parsing (missing folder, invalid UTF-8), reported as failures.
    public static func load(_ sources: [PackSource], problems: [Diagnostic] = [], parser: PackParser = PackParser()) -> SnippetLibrary {
        var parsed: [(Pack, PackLayer)] = []
        var library = SnippetLibrary()
        for p in problems {
            library.failures.append(Failure(source: p.location.file, layer: .commandLine, diagnostics: [p]))
        }
        // Files parse independently: spread over the cores, merged in order.
        let results = Concurrently.map(sources) { parser.parse($0.text, file: $0.path, layer: $0.layer) }
        for (source, result) in zip(sources, results) {
            if let pack = result.pack {
                parsed.append((pack, source.layer))
            } else {
                library.failures.append(Failure(source: source.path, layer: source.layer, diagnostics: result.diagnostics))
            }
        }
        // References across packs (intents, partials) are checked on the merged
        // result; a pack with a dangling one is dropped and the rest merged again.
        while true {
            var merged = SnippetLibrary()
            for (pack, _) in parsed { merged.merge(pack) }
            let broken = parsed.enumerated().compactMap { index, entry -> (Int, [Diagnostic])? in
                let problems = merged.danglingReferences(in: entry.0)
                return problems.isEmpty ? nil : (index, problems)
            }
            if broken.isEmpty {
                merged.failures = library.failures
                return merged
            }
            for (index, problems) in broken.reversed() {
                let (pack, layer) = parsed.remove(at: index)
                library.failures.append(Failure(source: pack.info.source, layer: layer, diagnostics: problems))
            }
        }
    }

    private mutating func merge(_ pack: Pack) {
        packs.removeAll { $0.id == pack.info.id }
        packs.append(pack.info)
        for (name, texts) in pack.partials { partials[name] = texts }
        for intent in pack.intents {
            if intent.id == otherIntentID {
                otherExamples += intent.examples
                otherTriggers += intent.triggers
            } else if intent.extends, var existing = intents[intent.id] {
                existing.triggers += intent.triggers
                existing.patterns += intent.patterns
                existing.counterTriggers += intent.counterTriggers
                existing.examples += intent.examples
                existing.counterExamples += intent.counterExamples
                existing.secondary = existing.secondary || intent.secondary
                intents[intent.id] = existing
            } else if intent.extends {
                // Nothing to extend: the pack defining the intent is
                // disabled or not loaded, and its extensions go with it
                // (disabling builtin.logistics leaves no logistics intent
                // behind in the built-in examples that extend it).
                continue
            } else {
                intents[intent.id] = intent
            }
        }
        for snippet in pack.snippets {
            if let i = snippetIndex[snippet.id] {
                snippets[i] = snippet
            } else {
                snippetIndex[snippet.id] = snippets.count
                snippets.append(snippet)
            }
        }
    }

    private func danglingReferences(in pack: Pack) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        // The learned pack may hold examples of an intent whose pack is gone
        // or disabled: they wait, silently, rather than take every other
        // learned example down with them.
        for intent in pack.intents where intent.extends && intents[intent.id] == nil && pack.info.layer != .learned {
            problems.append(Diagnostic("intent '\(intent.id)' extends an intent that no loaded pack declares", at: intent.location))
        }
        for snippet in pack.snippets {
            for id in snippet.intents where intents[id] == nil {
                problems.append(
                    Diagnostic(
                        "snippet '\(snippet.id)' answers unknown intent '\(id)'", at: snippet.location,
                        hint: SpellingSuggestion.hint(for: id, in: Array(intents.keys))))
            }
        }
        let templates =
            pack.snippets.flatMap { s in s.texts.values.map { (s.location, "snippet '\(s.id)'", $0) } }
            + pack.partials.flatMap { name, texts in
                texts.values.map { (SourceLocation(file: pack.info.source, line: 1, column: 1), "partial '\(name)'", $0) }
            }
        for (location, owner, template) in templates {
            for name in template.partials {
                if partials[name] == nil {
                    problems.append(
                        Diagnostic(
                            "\(owner) includes unknown partial '\(name)'", at: location,
                            hint: SpellingSuggestion.hint(for: name, in: Array(partials.keys))))
                } else if includesItself(name, seen: []) {
                    problems.append(Diagnostic("partial '\(name)' includes itself", at: location))
                }
            }
        }
        return problems
    }

    private func includesItself(_ name: String, seen: Set<String>) -> Bool {
        if seen.contains(name) { return true }
        for template in partials[name]?.values ?? [:].values {
            for inner in template.partials where includesItself(inner, seen: seen.union([name])) { return true }
        }
        return false
    }
}
