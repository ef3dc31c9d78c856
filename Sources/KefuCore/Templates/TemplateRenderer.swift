/// Renders compiled templates against known values.
///
/// A variable read outside a section whose value is unknown renders as the
/// visible placeholder `⟨name⟩` and is reported in `missing`, so the agent
/// fills it rather than sending a reply with a hole in it.
package struct TemplateRenderer {
    package typealias PartialLookup = (String) -> Template?

    package static let placeholderOpen = "⟨"
    package static let placeholderClose = "⟩"

    package static func placeholder(_ name: String) -> String { placeholderOpen + name + placeholderClose }

    package struct Output: Sendable, Equatable {
        package var text: String
        package var missing: [String]
    }

    package static func render(
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
        var contiguous = text
        let trimmed: String? = contiguous.withUTF8 { bytes in
            var previous: UInt8 = 0x0A
            for byte in bytes {
                if byte == 0x0A && (previous == 0x0A || previous == 0x20) { return nil }
                previous = byte
            }
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x20 { end -= 1 }
            return end == bytes.count ? text : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
        }
        if let trimmed { return trimmed }
        // Lines as byte ranges: splitting a String by Character costs a
        // grapheme walk, and drafts with paragraphs take this path.
        let utf8 = Array(text.utf8)
        var lines: [ArraySlice<UInt8>] = utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            var l = line
            while l.last == 0x20 { l.removeLast() }
            return l
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var previousEmpty = false
        for l in lines {
            if l.isEmpty && previousEmpty { continue }
            if !out.isEmpty || previousEmpty { out.append(0x0A) }
            out.append(contentsOf: l)
            previousEmpty = l.isEmpty
        }
        return String(decoding: out, as: UTF8.self)
    }
}
