import KefuCore

/// Intents that external plugins introduce (`myshop.preorder`), as a pack:
/// the engine only counts signals for intents some pack declares, and an
/// intent needs examples (they are its tests, and they teach the
/// classifier). Load these sources before every other pack, so that a pack
/// declaring the same intent wins; an intent with no example among the
/// plugin's declared examples is reported and left out.
package enum PluginIntentsPack {
    package static let sourcePrefix = "plugin:"

    /// - Parameter known: intent ids to leave out.
    package static func sources(for host: ExternalPluginHost, known: Set<String> = [], normalizer: TextNormalizer = TextNormalizer())
        -> (sources: [PackSource], problems: [String])
    {
        var sources: [PackSource] = []
        var problems: [String] = []
        // A plugin turned off brings no intents: nothing of it would answer them.
        for status in host.statuses where status.state != .disabled {
            guard let d = status.declaration, !d.intents.isEmpty else { continue }
            var yaml = """
                pack:
                  id: \(quoted("plugin." + d.id))
                  name: \(quoted("external plugin " + d.id))
                  version: \(quoted(d.version))
                intents:

                """
            var any = false
            for intent in d.intents where !known.contains(intent.id) {
                var byLanguage: [Language: [String]] = [:]
                for e in d.examples where e.intents.contains(intent.id) {
                    guard let text = e.text, !text.isEmpty else { continue }
                    byLanguage[normalizer.normalize(text).language, default: []].append(text)
                }
                guard !byLanguage.isEmpty else {
                    problems.append(
                        "plugin \(d.id): intent \(intent.id) has no example (declare one in hello: {\"text\": ..., \"intents\": [\"\(intent.id)\"]})"
                    )
                    continue
                }
                any = true
                yaml +=
                    "  - id: \(quoted(intent.id))\n    description: \(quoted(intent.description.isEmpty ? intent.id : intent.description))\n    examples:\n"
                for (language, texts) in byLanguage.sorted(by: { $0.key < $1.key }) {
                    yaml += "      \(language.rawValue): [\(texts.map(quoted).joined(separator: ", "))]\n"
                }
            }
            if any { sources.append(PackSource(path: sourcePrefix + d.id, text: yaml, layer: .commandLine)) }
        }
        return (sources, problems)
    }

    /// A YAML double-quoted scalar: JSON's string syntax is a subset of it,
    /// so plugin text can never break out into YAML structure.
    static func quoted(_ s: String) -> String { JSONWriter.encode(.string(s)) }
}
