import Yams

/// Reads a composed YAML tree with positions, collecting every problem as a
/// `Diagnostic` instead of stopping at the first, so a team member sees all
/// the errors of a file at once.
struct YAMLNodeReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    func location(_ node: Node?) -> SourceLocation {
        let mark = node?.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func error(_ message: String, at node: Node?, hint: String? = nil) {
        diagnostics.append(Diagnostic(message, at: location(node), hint: hint))
    }

    mutating func error(_ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(Diagnostic(message, at: location, hint: hint))
    }

    /// The entries of a mapping with string keys; unknown keys are reported with
    /// the closest known one.
    mutating func mapping(_ node: Node, _ what: String, allowed: [String]) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping (key: value)", at: node)
            return nil
        }
        var entries: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { error("\(what) has a key that is not text", at: keyNode); continue }
            if !allowed.isEmpty && !allowed.contains(key) {
                error("unknown key '\(key)' in \(what)", at: keyNode, hint: SpellingSuggestion.hint(for: key, in: allowed))
                continue
            }
            entries.append((key, keyNode, value))
        }
        return entries
    }

    mutating func string(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error("\(what) must be text", at: node)
            return nil
        }
        return scalar.string
    }

    mutating func nonEmptyString(_ node: Node, _ what: String) -> String? {
        guard let s = string(node, what) else { return nil }
        // A scalar scan: Foundation's trimming costs microseconds per string, and
        // packs have thousands of strings.
        guard s.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            error("\(what) must not be empty", at: node)
            return nil
        }
        return s
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        guard case .scalar = node, let b = node.bool else {
            error("\(what) must be true or false", at: node)
            return nil
        }
        return b
    }

    mutating func int(_ node: Node, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard case .scalar = node, let i = node.int else {
            error("\(what) must be a whole number", at: node)
            return nil
        }
        guard range.contains(i) else {
            error("\(what) must be between \(range.lowerBound) and \(range.upperBound), not \(i)", at: node)
            return nil
        }
        return i
    }

    /// A sequence; a single scalar is accepted as a one-element list.
    mutating func list(_ node: Node, _ what: String) -> [Node] {
        switch node {
        case .sequence(let seq): return Array(seq)
        case .scalar: return [node]
        default:
            error("\(what) must be a list", at: node)
            return []
        }
    }

    mutating func stringList(_ node: Node, _ what: String) -> [String] {
        list(node, what).compactMap { nonEmptyString($0, "an entry of \(what)") }
    }

    /// A mapping from language tags to values.
    mutating func languageMap(_ node: Node, _ what: String) -> [(Language, Node)] {
        guard let entries = mapping(node, what, allowed: []) else { return [] }
        var result: [(Language, Node)] = []
        for (key, keyNode, value) in entries {
            guard let language = Language(rawValue: key) else {
                error("unknown language '\(key)' in \(what) (use zh-Hans, zh-Hant or en)", at: keyNode)
                continue
            }
            result.append((language, value))
        }
        return result
    }
}
