/// A compiled reply template: the safe Mustache subset described in
/// docs/snippet-packs.md (variables, sections, inverted sections, partials,
/// comments).
///
/// kefu renders with its own small compiler rather than swift-mustache: a
/// render here is a walk over a few segments (well under a microsecond), where
/// swift-mustache takes 17-27 µs per template with a dictionary context, five
/// times the whole per-message budget for five drafts; and its defaults are
/// wrong for chat text (HTML escaping, silent empty strings for unknown
/// variables and partials). Values are appended as plain text and never parsed,
/// so buyer text can never become template syntax.
package struct Template: Sendable, Hashable {
    package indirect enum Segment: Sendable, Hashable {
        case text(String)
        case variable(String)
        case section(String, inverted: Bool, [Segment])
        case partial(String)
    }

    package let source: String
    package let segments: [Segment]

    /// Variable names the template reads, in order of first use.
    package var variables: [String] {
        collect { if case .variable(let n) = $0 { n } else if case .section(let n, _, _) = $0 { n } else { nil } }
    }
    /// Partial names the template includes.
    package var partials: [String] { collect { if case .partial(let n) = $0 { n } else { nil } } }

    package init(_ source: String) throws(TemplateError) {
        self.source = source
        var parser = TemplateParser(source)
        self.segments = try parser.parse()
    }

    private func collect(_ pick: (Segment) -> String?) -> [String] {
        var seen: [String] = []
        func walk(_ segments: [Segment]) {
            for s in segments {
                if let n = pick(s), !seen.contains(n) { seen.append(n) }
                if case .section(_, _, let inner) = s { walk(inner) }
            }
        }
        walk(segments)
        return seen
    }
}

/// A template syntax error with its position inside the template text
/// (1-based line and column, in Unicode scalars).
package struct TemplateError: Error, Sendable, Equatable {
    package let message: String
    package let line: Int
    package let column: Int
}
