/// Renders compiled templates against known values.
///
/// A variable read outside a section whose value is unknown renders as the
/// visible placeholder `⟨name⟩` and is reported in `missing`, so the agent
/// fills it rather than sending a reply with a hole in it.
public struct TemplateRenderer {
    public typealias PartialLookup = (String) -> Template?

    public static let placeholderOpen = "⟨"
    public static let placeholderClose = "⟩"

    public static func placeholder(_ name: String) -> String { placeholderOpen + name + placeholderClose }

    public struct Output: Sendable, Equatable {
        public var text: String
        public var missing: [String]
    }

    public static func render(
        _ template: Template, values: [String: String], partials: PartialLookup
    ) -> Output {
        var out = Output(text: "", missing: [])
        append(template.segments, values: values, partials: partials, depth: 0, into: &out)
        out.text = tidy(out.text)
        return out
    }

    private static func append(
        _ segments: [Template.Segment], values: [String: String], partials: PartialLookup,
        depth: Int, into out: inout Output
    ) {
        for segment in segments {
            switch segment {
            case .text(let t):
                out.text += t
            case .variable(let name):
                if let v = values[name], !v.isEmpty {
                    out.text += v
                } else {
                    out.text += placeholder(name)
                    if !out.missing.contains(name) { out.missing.append(name) }
                }
            case .section(let name, let inverted, let inner):
                let known = !(values[name] ?? "").isEmpty && values[name] != "false"
                if known != inverted {
                    append(inner, values: values, partials: partials, depth: depth, into: &out)
                }
            case .partial(let name):
                // Packs are validated against unknown partials and cycles at load; the
                // depth bound is a second guard, not the first.
                if depth < 8, let p = partials(name) {
                    append(p.segments, values: values, partials: partials, depth: depth + 1, into: &out)
                }
            }
        }
    }

    /// Trims trailing white space of the whole draft and of each line, and
    /// drops blank lines left behind by sections that rendered nothing.
    static func tidy(_ text: String) -> String {
        // The common draft has no blank, leading or space-padded lines: one pass
        // over the bytes says so, and only the trailing newline of a YAML block
        // needs trimming.
        var previous: UInt8 = 0x0A
        var needsWork = false
        for byte in text.utf8 {
            if byte == 0x0A && (previous == 0x0A || previous == 0x20) { needsWork = true; break }
            previous = byte
        }
        if !needsWork {
            var end = text.utf8.endIndex
            while end > text.utf8.startIndex, case let b = text.utf8[text.utf8.index(before: end)], b == 0x0A || b == 0x20 {
                end = text.utf8.index(before: end)
            }
            return String(text[..<end])
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            var l = Substring($0)
            while l.last == " " { l.removeLast() }
            return l
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        var result: [Substring] = []
        for l in lines where !(l.isEmpty && result.last?.isEmpty == true) { result.append(l) }
        return result.joined(separator: "\n")
    }
}
