import KefuCore

/// Emphasis kefu may add to what it prints. The escape codes are the only
/// control sequences kefu ever writes itself, and only when colour is on.
enum Tone: String {
    case bold = "1"
    case dim = "2"
    case intent = "1;36"
    case kind = "36"
    case number = "1;33"
    case placeholder = "1;30;43"
    case good = "32"
    case warning = "33"
    case error = "1;31"
    case reverse = "7"
}

/// A block of output being built. Text reaches it only through `text`,
/// which shows every control character visibly (`OutputSanitizer`: buyer
/// text, pack text and config values alike), so nothing printed can move the
/// cursor, set the title or the clipboard. Colour codes are added by kefu
/// itself, and only when colour is on.
struct Canvas {
    let colour: Bool
    private(set) var output = ""

    init(colour: Bool) { self.colour = colour }

    /// Untrusted or not, text is made inert here. Line breaks are kept.
    static func inert(_ text: String) -> String { OutputSanitizer.visible(text) }

    /// Inert and on one line: line breaks shown as ⏎.
    static func oneLine(_ text: String) -> String {
        inert(text).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ⏎ ")
    }

    mutating func text(_ s: String, _ tone: Tone? = nil) {
        let safe = Canvas.inert(s)
        guard let tone, colour, !safe.isEmpty else { output += safe; return }
        output += "\u{1B}[\(tone.rawValue)m" + safe + "\u{1B}[0m"
    }

    /// Text in which ⟨placeholders⟩ stand out.
    mutating func textMarkingPlaceholders(_ s: String, base: Tone? = nil) {
        var rest = Substring(Canvas.inert(s))
        while let open = rest.firstIndex(of: "⟨"), let close = rest[open...].firstIndex(of: "⟩") {
            if open > rest.startIndex { text(String(rest[..<open]), base) }
            text(String(rest[open...close]), .placeholder)
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { text(String(rest), base) }
    }

    mutating func spaces(_ n: Int) { if n > 0 { output += String(repeating: " ", count: n) } }
    mutating func newline() { output += "\n" }
    mutating func line(_ s: String, _ tone: Tone? = nil) { text(s, tone); newline() }

    /// Text wrapped to `width` columns at word boundaries (Chinese
    /// characters take two columns and may break between them), so the
    /// terminal never cuts a word in two; continued lines are indented two
    /// columns more than the first.
    mutating func wrapped(_ s: String, width: Int, _ tone: Tone? = nil) {
        let safe = Canvas.inert(s)
        let lead = safe.prefix { $0 == " " }.count
        let indent = lead + 2
        let lines = DisplayWidth.wrap(String(safe.dropFirst(lead)), width: max(10, width - 1 - indent))
        for (i, l) in lines.enumerated() {
            spaces(i == 0 ? lead : indent)
            text(l, tone)
            newline()
        }
    }

    /// The block for a terminal in raw mode (inside a key handler): CR LF.
    var rawModeOutput: String { output.replacingOccurrences(of: "\n", with: "\r\n") }
}
