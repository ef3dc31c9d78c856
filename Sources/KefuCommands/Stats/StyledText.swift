import KefuCore

/// Lines of text in styled runs, for a terminal. Every run passes the
/// output sanitiser as it is added (intent and snippet ids come from user
/// packs and are untrusted), so the only escape sequences in the result are
/// the colours `rendered(colour: true)` adds around runs.
struct StyledText {
    enum Style: String {
        case plain = ""
        case heading = "1"
        case dim = "2"
        case volumeBar = "36"
        case missBar = "33"
        case spark = "32"
    }

    typealias Run = (text: String, style: Style)

    private(set) var lines: [[Run]] = [[]]

    /// Text on the current line (line breaks and tabs shown, not obeyed).
    mutating func add(_ text: String, _ style: Style = .plain) {
        lines[lines.count - 1].append((OutputSanitizer.visible(text, lineBreaks: .show), style))
    }

    mutating func newline() { lines.append([]) }

    /// One whole line.
    mutating func line(_ text: String = "", _ style: Style = .plain) {
        if !text.isEmpty { add(text, style) }
        newline()
    }

    /// Every line cut to `width` columns (with `…`), colours as SGR
    /// sequences when `colour`; trailing blanks removed.
    func rendered(width: Int, colour: Bool) -> String {
        var out = ""
        for (i, runs) in lines.enumerated() {
            if i == lines.count - 1 && runs.isEmpty { break }
            var used = 0
            var line = ""
            for run in runs {
                if used >= width { break }
                let w = DisplayWidth.of(run.text)
                var text = run.text
                if used + w > width { text = DisplayWidth.truncate(run.text, width: max(0, width - used)) }
                used += DisplayWidth.of(text)
                if colour && run.style != .plain && !text.trimmingCharacters(in: .whitespaces).isEmpty {
                    line += "\u{1B}[\(run.style.rawValue)m" + text + "\u{1B}[0m"
                } else {
                    line += text
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
