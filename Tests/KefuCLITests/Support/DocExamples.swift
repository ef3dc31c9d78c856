import Foundation
import KefuTestSupport
import Testing

/// The command examples of README.md and docs/*.md, read the way
/// docs/README.md ("Examples that run") describes: a fenced block whose first
/// line starts with `$ ` is an example; every `$ ` line is a command (a line
/// ending in `\` goes on on the next), and the lines up to the next `$ ` are
/// what it prints, stdout and stderr together as on a terminal.
///
/// An HTML comment just above a block (invisible on GitHub) changes how it is
/// used:
/// - `<!-- doc-test: output varies -->` runs the commands, which must exit 0,
///   without comparing what they print;
/// - `<!-- doc-test: skip REASON -->` does not run them (the reason is required);
/// - `<!-- doc-test: file PATH -->` above any block writes its text to PATH
///   (relative to the sandbox's working folder, or under `$XDG_CONFIG_HOME/`)
///   before each example of the same document runs;
/// - `<!-- doc-test: exit N -->`: the commands of the block exit with N
///   (the last one's status counts, as in a shell).
/// In shown output, a line that is only `...` stands for any number of
/// lines, and `...` within a line for any text on that line.
struct DocExample: Sendable, CustomTestStringConvertible {
    enum Mode: Sendable, Equatable {
        case compare, outputVaries
        case skip(String)
    }

    var document: String
    var line: Int
    /// Each command with the output shown under it.
    var commands: [(command: String, output: [String])]
    var mode: Mode
    var exitStatus: Int32
    /// Files the document declares: path → text.
    var files: [(path: String, text: String)]

    var testDescription: String { "\(document):\(line)" }

    static let root = Checkout.root

    /// README.md and every docs/*.md.
    static var documents: [String] {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)) ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }

    static var all: [DocExample] {
        documents.flatMap { document -> [DocExample] in
            guard let text = try? String(contentsOf: root.appendingPathComponent(document), encoding: .utf8) else { return [] }
            return (try? parse(text, document: document)) ?? []
        }
    }

    struct MarkerError: Error, CustomStringConvertible {
        var description: String
    }

    /// The examples of one document; a marker kefu does not know is an
    /// error (a typo would silently turn a check off).
    static func parse(_ text: String, document: String) throws -> [DocExample] {
        let lines = text.components(separatedBy: "\n")
        var examples: [DocExample] = []
        var files: [(String, String)] = []
        var markers: [String] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("<!-- doc-test:"), trimmed.hasSuffix("-->") {
                markers.append(String(trimmed.dropFirst("<!-- doc-test:".count).dropLast(3)).trimmingCharacters(in: .whitespaces))
                i += 1
                continue
            }
            guard trimmed.hasPrefix("```") else {
                if !trimmed.isEmpty { markers = [] }
                i += 1
                continue
            }
            let start = i + 1
            var end = start
            while end < lines.count && !lines[end].trimmingCharacters(in: .whitespaces).hasPrefix("```") { end += 1 }
            let body = Array(lines[start..<min(end, lines.count)])
            var mode = Mode.compare
            var exitStatus: Int32 = 0
            var isFile = false
            for marker in markers {
                if marker == "output varies" {
                    mode = .outputVaries
                } else if marker.hasPrefix("skip ") {
                    mode = .skip(String(marker.dropFirst(5)))
                } else if marker.hasPrefix("file ") {
                    files.append((String(marker.dropFirst(5)), body.joined(separator: "\n") + "\n"))
                    isFile = true
                } else if marker.hasPrefix("exit "), let n = Int32(marker.dropFirst(5)) {
                    exitStatus = n
                } else {
                    throw MarkerError(description: "\(document):\(i): unknown doc-test marker '\(marker)'")
                }
            }
            markers = []
            if !isFile, body.first?.hasPrefix("$ ") == true {
                examples.append(
                    DocExample(
                        document: document, line: start, commands: commands(body), mode: mode, exitStatus: exitStatus, files: []))
            }
            i = end + 1
        }
        return examples.map {
            var e = $0; e.files = files; return e
        }
    }

    /// `$ command` lines (with `\` continuations) and the output under each.
    static func commands(_ body: [String]) -> [(command: String, output: [String])] {
        var result: [(command: String, output: [String])] = []
        var j = 0
        while j < body.count {
            var command = String(body[j].dropFirst(2))
            while command.hasSuffix("\\"), j + 1 < body.count {
                j += 1
                let continued = body[j].trimmingCharacters(in: .whitespaces)
                command = String(command.dropLast()).trimmingCharacters(in: .whitespaces) + " " + continued
            }
            j += 1
            var output: [String] = []
            while j < body.count && !body[j].hasPrefix("$ ") {
                output.append(body[j])
                j += 1
            }
            while output.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { output.removeLast() }
            result.append((command, output))
        }
        return result
    }

    /// Whether `actual` is what `shown` shows, `...` standing for what the
    /// document leaves out. Trailing blanks of lines and blank lines at the
    /// end do not count.
    static func matches(_ actual: [String], _ shown: [String]) -> Bool {
        func clean(_ lines: [String]) -> [String] {
            var l = lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
            while l.last?.isEmpty == true { l.removeLast() }
            return l
        }
        let a = clean(actual), s = clean(shown)
        // Classic wildcard matching over lines, `...` lines matching any run.
        var memo: [Int: Bool] = [:]
        func match(_ i: Int, _ j: Int) -> Bool {
            let key = i * (s.count + 1) + j
            if let m = memo[key] { return m }
            let result: Bool
            if j == s.count {
                result = i == a.count
            } else if s[j].trimmingCharacters(in: .whitespaces) == "..." {
                result = match(i, j + 1) || (i < a.count && match(i + 1, j))
            } else {
                result = i < a.count && lineMatches(a[i], s[j]) && match(i + 1, j + 1)
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }

    /// One line, `...` inside it standing for any text.
    static func lineMatches(_ actual: String, _ shown: String) -> Bool {
        let parts = shown.components(separatedBy: "...")
        guard parts.count > 1 else { return actual == shown }
        guard actual.hasPrefix(parts[0]) else { return false }
        var rest = actual.dropFirst(parts[0].count)
        for (k, part) in parts.enumerated().dropFirst() {
            if k == parts.count - 1 { return rest.hasSuffix(part) && rest.count >= part.count }
            guard let r = rest.range(of: part) else { return false }
            rest = rest[r.upperBound...]
        }
        return true
    }
}
