import Foundation
import KefuCore
import Yams

/// Reading the nodes of a catalogue or facts file, every error at the node it
/// is about (`file:line:col`), in the catalogue readers' style.
struct FactsNodes {
    let file: String

    func at(_ node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }

    func fail(_ node: Node?, _ message: String) -> Diagnostic { Diagnostic(message, at: at(node)) }

    /// The file's root, YAML syntax errors at their place.
    func root(_ text: String) throws -> Node? {
        // Bounded like packs: no alias bomb, a BOM accepted, a duplicate key at its place.
        let composed = GuardedYAML.compose(text, file: file, duplicateKeys: .reject)
        if let d = composed.problems.first { throw Diagnostic(d.message, at: d.location) }
        return composed.root
    }

    /// A mapping whose keys are all in `known`: a misspelt key (`stok:`) is
    /// an error rather than a fact silently missing.
    func mapping(_ node: Node, _ what: String, known: Set<String>) throws -> Node.Mapping {
        guard case .mapping(let map) = node else { throw fail(node, "\(what) must be a mapping") }
        for (key, _) in map {
            guard let k = key.string, known.contains(k) else {
                throw fail(
                    key, "unknown key '\(key.string ?? "?")' in \(what) (expected one of: \(known.sorted().joined(separator: ", ")))")
            }
        }
        return map
    }

    func number(_ node: Node, _ what: String) throws -> Double {
        guard let s = node.string, let x = Double(s), x >= 0, x.isFinite else {
            throw fail(node, "\(what) must be a number, found '\(node.string ?? "a list or mapping")'")
        }
        return x
    }

    func whole(_ node: Node, _ what: String) throws -> Int {
        guard let s = node.string, let n = Int(s), n >= 0 else {
            throw fail(node, "\(what) must be a whole number, found '\(node.string ?? "a list or mapping")'")
        }
        return n
    }

    func boolean(_ node: Node, _ what: String) throws -> Bool {
        switch node.string?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw fail(node, "\(what) must be true or false, found '\(node.string ?? "a list or mapping")'")
        }
    }

    func strings(_ node: Node, _ what: String) throws -> [String] {
        if case .sequence(let items) = node {
            return try items.map { item in
                guard let s = item.string, !s.isEmpty else { throw fail(item, "\(what) must be a list of texts") }
                return s
            }
        }
        if let one = node.string, !one.isEmpty { return [one] }
        throw fail(node, "\(what) must be a list of texts")
    }

    /// `纯棉` or `{zh-Hans: 纯棉, zh-Hant: 純棉, en: cotton}`.
    func text(_ node: Node, _ what: String) throws -> ShopText {
        if case .mapping = node {
            let map = try mapping(node, what, known: ["zh-Hans", "zh", "zh-Hant", "en"])
            let t = ShopText(
                simplified: map["zh-Hans"]?.string ?? map["zh"]?.string, traditional: map["zh-Hant"]?.string, english: map["en"]?.string)
            guard t.simplified != nil || t.traditional != nil || t.english != nil else { throw fail(node, "\(what) needs a text") }
            return t
        }
        guard let s = node.string, !s.isEmpty else {
            throw fail(node, "\(what) must be a text or one per language {zh-Hans: ..., en: ...}")
        }
        return ShopText(plain: s)
    }

    /// `150-160`, `150~160`, `150`: an inclusive range.
    func range(_ node: Node, _ what: String) throws -> ClosedRange<Double> {
        let s = node.string ?? ""
        let parts = s.split(whereSeparator: { $0 == "-" || $0 == "~" || $0 == "–" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), let lo = Double(parts[0]), let hi = Double(parts.last!), lo <= hi else {
            throw fail(node, "\(what) must be a range like 165-172, found '\(s)'")
        }
        return lo...hi
    }
}
