/// Learned examples written as a snippet pack: `extends: true` intents
/// with examples only, so `kefu test`, `kefu plugins validate` and the
/// pack loader read it like any other pack. Unconfirmed examples carry
/// their weight (`{text: ..., weight: 0.5}`).
public enum LearnedPack {
    /// The pack id learned examples load under (`extends` every intent).
    public static let packID = "learned"

    /// The pack text. `weight`: what each example weighs (by default its
    /// own; an export a team reviews and commits writes every example at
    /// full weight: it is their own example then).
    /// `comments`: per intent, lines written as YAML comments after its
    /// examples (the export's examples kefu cannot yet recognise).
    public static func yaml(
        _ examples: [LearnedExample], weight: (LearnedExample) -> Double = { $0.weight }, id: String = packID,
        name: String = "Learned examples",
        header: [String] = [
            "Learned by kefu from the agent's copies and labels: `kefu learn list`, `kefu learn forget ID`.",
            "kefu rewrites this file; edit the examples with kefu learn, or export them (kefu learn export --pack FILE).",
        ],
        comments: [String: [String]] = [:]
    ) -> String {
        var out = header.map { "# " + $0 + "\n" }.joined()
        out += "pack:\n  id: \(id)\n  name: \(quoted(name))\n  version: \"1\"\n"
        let intents = Set(examples.map(\.intent)).union(comments.keys).sorted()
        guard !intents.isEmpty else { return out }
        out += "intents:\n"
        for intent in intents {
            let mine = examples.filter { $0.intent == intent }
            // `other` is everybody's: it adds without `extends` (it has no declaration to extend).
            out += "  - id: \(quoted(intent))\n" + (intent == otherIntentID ? "" : "    extends: true\n")
            if !mine.isEmpty {
                out += "    examples:\n"
                for language in Language.allCases {
                    let these = mine.filter { $0.language == language }
                    guard !these.isEmpty else { continue }
                    out += "      \(language.rawValue):\n"
                    for e in these {
                        let w = weight(e)
                        if w < 1 {
                            out += "        - {text: \(quoted(e.text)), weight: \(w)}\n"
                        } else {
                            out += "        - \(quoted(e.text))\n"
                        }
                    }
                }
            }
            for line in comments[intent] ?? [] { out += "    # " + line + "\n" }
        }
        return out
    }

    /// A YAML double-quoted scalar (`YAMLQuoting`).
    package static func quoted(_ s: String) -> String { YAMLQuoting.quoted(s) }
}
