import Foundation

/// What a template leaves behind when a value it expected is missing: the
/// holes `kefu test` renders every snippet to look for ("Good news — is in
/// stock!", "马上帮您查询的物流进度", "（）"). A visible ⟨placeholder⟩ is not
/// debris: it is the blank the agent fills.
package enum DraftDebris {
    /// Literal pieces that never belong in a finished draft.
    static let pieces: [(String, String)] = [
        ("  ", "double space"),
        ("()", "empty brackets"), ("（）", "empty brackets"), ("【】", "empty brackets"), ("[]", "empty brackets"),
        ("「」", "empty brackets"), ("“”", "empty quotes"), ("\"\"", "empty quotes"), ("( )", "empty brackets"), ("（ ）", "empty brackets"),
        ("查询的", "dangling particle"), ("查一下的", "dangling particle"), ("确认一下的", "dangling particle"), ("核实一下的", "dangling particle"),
        ("的的", "doubled particle"), ("，，", "doubled comma"), ("，。", "comma before full stop"), ("、，", "dangling list mark"),
        ("，、", "dangling list mark"), ("、、", "dangling list mark"), ("、。", "dangling list mark"), ("（，", "punctuation after bracket"),
        ("，）", "punctuation before bracket"), ("。。", "doubled full stop"), ("：，", "colon before nothing"), ("：。", "colon before nothing"),
        (",,", "doubled comma"), (", .", "comma before full stop"), (",.", "comma before full stop"), ("..", "doubled full stop"),
        ("( ", "space after bracket"), ("（ ", "space after bracket"),
    ]

    /// Patterns, for what depends on what is around it.
    static let patterns: [(NSRegularExpression, String)] = [
        (#" [，。！？、：；）」～,.!?;:)]"#, "space before punctuation"),
        (#"\p{Han} \p{Han}"#, "space between Chinese characters (a value is missing)"),
        (#"[—–:：-]\s*($|[，。！？,.!?)）\n])"#, "dash or colon before nothing"),
        (#"(^|[—–:,.!?]\s)(is|are|was|were|has)\s"#, "sentence without a subject"),
        (#"\b(and|or|in|for|of|to|with|the|a|an|from)\s*[.,!?;:—]"#, "dangling word before punctuation"),
        (#"^\s*[，。！？、：；,.!?;:]"#, "starts with punctuation"),
    ].map { (try! NSRegularExpression(pattern: $0.0, options: [.anchorsMatchLines]), $0.1) }

    /// Descriptions of the debris in `text`, each with the piece found.
    package static func find(in text: String) -> [String] {
        // A placeholder stands for a word the agent will type.
        var t = text
        while let open = t.range(of: TemplateRenderer.placeholderOpen),
            let close = t.range(of: TemplateRenderer.placeholderClose, range: open.upperBound..<t.endIndex)
        {
            t.replaceSubrange(open.lowerBound..<close.upperBound, with: "X")
        }
        var found: [String] = []
        for (piece, what) in pieces where t.contains(piece) { found.append("\(what) “\(piece)”") }
        let range = NSRange(t.startIndex..., in: t)
        for (regex, what) in patterns {
            if let m = regex.firstMatch(in: t, range: range), let r = Range(m.range, in: t) {
                found.append("\(what) “\(t[r])”")
            }
        }
        return found
    }
}
