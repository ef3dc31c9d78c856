import Foundation

/// A reply the agent wrote (a draft edited, or drafts combined, then copied)
/// as a snippet of the user's own pack: what the REPL's `:save` writes.
///
/// The reply is rendered text; the snippet must be a template again:
/// - a ⟨name⟩ blank left in the reply becomes `{{name}}`;
/// - a value the source draft's template filled in (the order number that
///   became `{{order_id}}`'s text) becomes that variable again, so the next
///   buyer's order number goes there, never this buyer's;
/// - anything else that would read as template syntax (`{{`) is kept as
///   text (`{ {`): what the agent or the buyer typed never becomes a tag.
package struct SavedSnippet: Sendable, Equatable {
    package var id: String
    package var intent: String
    package var kind: SnippetKind
    package var priority: Int
    /// Template source per language, in the order written.
    package var texts: [(Language, String)]

    package init(id: String, intent: String, kind: SnippetKind, priority: Int, texts: [(Language, String)]) {
        self.id = id
        self.intent = intent
        self.kind = kind
        self.priority = priority
        self.texts = texts
    }

    package static func == (a: SavedSnippet, b: SavedSnippet) -> Bool {
        a.id == b.id && a.intent == b.intent && a.kind == b.kind && a.priority == b.priority
            && a.texts.map(\.0) == b.texts.map(\.0) && a.texts.map(\.1) == b.texts.map(\.1)
    }

    /// A value to turn back into its variable: `forms` are the ways it may
    /// be written in the reply (顺丰 and 順豐).
    package struct Value: Sendable {
        package var name: String
        package var forms: [String]
        package init(name: String, forms: [String]) {
            self.name = name
            self.forms = forms
        }
    }

    private enum Piece: Equatable {
        case literal(String)
        case variable(String)
    }

    /// The template of a rendered `reply` (rules above). Values shorter than
    /// two characters are left alone: a size "M" is a letter of every word.
    package static func template(from reply: String, values: [Value]) -> String {
        var pieces: [Piece] = [.literal(reply)]
        // ⟨name⟩ blanks first: they are unambiguous.
        pieces = pieces.flatMap { piece -> [Piece] in
            guard case .literal(let text) = piece else { return [piece] }
            return blanks(in: text)
        }
        let forms = values.flatMap { v in v.forms.map { (v.name, $0) } }
            .filter { $0.1.count >= 2 && isName($0.0) }
            .sorted { ($0.1.count, $0.0) > ($1.1.count, $1.0) }
        for (name, form) in forms {
            pieces = pieces.flatMap { piece -> [Piece] in
                guard case .literal(let text) = piece, text.contains(form) else { return [piece] }
                var out: [Piece] = []
                let parts = text.components(separatedBy: form)
                for (i, part) in parts.enumerated() {
                    if i > 0 { out.append(.variable(name)) }
                    if !part.isEmpty { out.append(.literal(part)) }
                }
                return out
            }
        }
        var out = ""
        for (i, piece) in pieces.enumerated() {
            switch piece {
            case .variable(let name): out += "{{" + name + "}}"
            case .literal(let text):
                var literal = text.replacingOccurrences(of: "{{", with: "{ {")
                while literal.contains("{{") { literal = literal.replacingOccurrences(of: "{{", with: "{ {") }
                // "{" right before a tag would make "{{{".
                if literal.hasSuffix("{"), i + 1 < pieces.count { literal += " " }
                out += literal
            }
        }
        return out
    }

    /// Splits `text` at its ⟨name⟩ blanks.
    private static func blanks(in text: String) -> [Piece] {
        var out: [Piece] = []
        var rest = Substring(text)
        var literal = ""
        while let open = rest.firstIndex(of: "⟨"), let close = rest[open...].firstIndex(of: "⟩") {
            let name = String(rest[rest.index(after: open)..<close])
            literal += rest[..<open]
            if isName(name) {
                if !literal.isEmpty { out.append(.literal(literal)) }
                literal = ""
                out.append(.variable(name))
            } else {
                literal += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { out.append(.literal(literal)) }
        return out
    }

    /// A variable name as templates write it (TemplateParser's rule).
    static func isName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
    }

    // MARK: The pack file

    /// The top of a saved-replies file kefu creates.
    package static let fileHeader = """
        # Replies saved in the kefu REPL with :save (docs/repl.md). This is an
        # ordinary pack: edit, move or delete entries freely; kefu reloads it.
        # New entries are added at the end of the snippets: list.
        pack:
          id: user.saved
          name: Saved replies
          version: 1.0.0

        snippets:

        """

    /// The snippet as one entry of a `snippets:` list, indented `indent`
    /// spaces, every text a double-quoted YAML string (any character, any
    /// line break, written safely).
    package func yamlEntry(indent: Int = 2) -> String {
        let pad = String(repeating: " ", count: indent)
        var lines = [
            pad + "- id: " + id,
            pad + "  intents: [" + intent + "]",
            pad + "  kind: " + kind.rawValue,
            pad + "  priority: \(priority)",
            pad + "  text:",
        ]
        for (language, text) in texts {
            lines.append(pad + "    " + language.rawValue + ": " + Self.quoted(text))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar (`YAMLQuoting`).
    package static func quoted(_ s: String) -> String { YAMLQuoting.quoted(s) }

    /// `existing` (the file as it is, nil when there is none) with `entry`
    /// added to its `snippets:` list, everything else (comments included)
    /// kept as it was: after the list's last item when another top-level
    /// key follows it, at the end otherwise; a file without the key gets
    /// one at its end. Whether the result is a good pack is the parser's
    /// to say: the caller parses it before writing.
    package func appended(to existing: String?) -> String {
        guard var text = existing, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return Self.fileHeader + yamlEntry()
        }
        if !text.hasSuffix("\n") { text += "\n" }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let key = lines.firstIndex(where: { $0.hasPrefix("snippets:") }) else {
            return text + "\nsnippets:\n" + yamlEntry()
        }
        // The list's items: indented lines, or "- " at column 0.
        var end = key + 1
        var lastItem = key
        var indent = 2
        var sawItem = false
        while end < lines.count {
            let line = lines[end]
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty || trimmed.hasPrefix("#") {
                end += 1
                continue
            }
            let lead = line.count - trimmed.count
            if lead == 0 && !trimmed.hasPrefix("-") { break }
            if !sawItem, trimmed.hasPrefix("-") {
                indent = lead
                sawItem = true
            }
            lastItem = end
            end += 1
        }
        let entry = yamlEntry(indent: indent)
        if end >= lines.count { return text + entry }
        let before = lines[...lastItem].joined(separator: "\n") + "\n"
        let after = lines[(lastItem + 1)...].joined(separator: "\n") + "\n"
        return before + entry + after
    }
}
