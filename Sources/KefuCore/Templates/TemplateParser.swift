/// Parses the template subset into segments, with positions for errors.
struct TemplateParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ source: String) { scalars = Array(source.unicodeScalars) }

    mutating func parse() throws(TemplateError) -> [Template.Segment] {
        var stack: [(name: String, inverted: Bool, at: Int, segments: [Template.Segment])] = []
        var current: [Template.Segment] = []
        var text = String.UnicodeScalarView()

        func flush() {
            if !text.isEmpty { current.append(.text(String(text))); text = String.UnicodeScalarView() }
        }

        while index < scalars.count {
            guard starts(with: "{{") else {
                text.append(scalars[index]); index += 1; continue
            }
            let tagStart = index
            index += 2
            guard let close = find("}}") else { throw error("unclosed tag '{{'", at: tagStart) }
            var body = String(String.UnicodeScalarView(scalars[index..<close]))
            index = close + 2
            let sigil = body.unicodeScalars.first
            switch sigil {
            case "{", "&":
                throw error("'{{\(sigil!)' is not supported: every value is inserted as plain text already", at: tagStart)
            case "=":
                throw error("changing delimiters ('{{=') is not supported", at: tagStart)
            case "!":
                dropStandaloneLine(tagStart: tagStart, text: &text)
                continue
            case "#", "^", "/", ">":
                body.removeFirst()
            default: break
            }
            let name = body.trimmingCharacters(in: .whitespaces)
            if sigil == "#" || sigil == "^" || sigil == "/" { dropStandaloneLine(tagStart: tagStart, text: &text) }
            guard Self.isName(name) else {
                throw error(name.isEmpty ? "empty tag" : "invalid name '\(name)' in tag (use letters, digits and _)", at: tagStart)
            }
            flush()
            switch sigil {
            case "#", "^":
                stack.append((name, sigil == "^", tagStart, current))
                current = []
            case "/":
                guard let open = stack.popLast() else {
                    throw error("'{{/\(name)}}' closes a section that was never opened", at: tagStart)
                }
                guard open.name == name else {
                    throw error("'{{/\(name)}}' closes section '\(open.name)' opened at \(position(open.at))", at: tagStart)
                }
                let section = Template.Segment.section(name, inverted: open.inverted, current)
                current = open.segments + [section]
            case ">":
                current.append(.partial(name))
            default:
                current.append(.variable(name))
            }
        }
        flush()
        if let open = stack.last {
            throw error("section '\(open.name)' is never closed with '{{/\(open.name)}}'", at: open.at)
        }
        return current
    }

    /// Mustache's standalone rule: a section or comment tag alone on its line
    /// takes the line with it, so optional paragraphs leave no blank line.
    private mutating func dropStandaloneLine(tagStart: Int, text: inout String.UnicodeScalarView) {
        var before = tagStart
        while before > 0 && (scalars[before - 1] == " " || scalars[before - 1] == "\t") { before -= 1 }
        guard before == 0 || scalars[before - 1] == "\n" else { return }
        var after = index
        while after < scalars.count && (scalars[after] == " " || scalars[after] == "\t") { after += 1 }
        guard after == scalars.count || scalars[after] == "\n" else { return }
        let indent = tagStart - before
        if indent > 0 && text.count >= indent { text.removeLast(indent) }
        index = after < scalars.count ? after + 1 : after
    }

    private static func isName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
    }

    private func starts(with literal: String) -> Bool {
        var i = index
        for s in literal.unicodeScalars {
            guard i < scalars.count, scalars[i] == s else { return false }
            i += 1
        }
        return true
    }

    private func find(_ literal: String) -> Int? {
        let target = Array(literal.unicodeScalars)
        var i = index
        while i + target.count <= scalars.count {
            if scalars[i] == target[0] && scalars[i + 1] == target[1] { return i }
            if scalars[i] == "\n" { return nil }  // a tag never spans lines
            i += 1
        }
        return nil
    }

    private func position(_ offset: Int) -> String {
        let (l, c) = lineColumn(offset)
        return "\(l):\(c)"
    }

    private func lineColumn(_ offset: Int) -> (Int, Int) {
        SourceLocation.lineColumn(of: offset, in: scalars, newline: "\n")
    }

    private func error(_ message: String, at offset: Int) -> TemplateError {
        let (l, c) = lineColumn(offset)
        return TemplateError(message: message, line: l, column: c)
    }
}
