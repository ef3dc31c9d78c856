/// The one place text is made safe for a terminal or a text stream: every
/// string kefu writes as text (drafts, ids, entity values, error messages,
/// file names, config values, plugin text, warnings) passes through here on
/// its way out, whoever wrote it.
///
/// Control characters are shown, not dropped: what the agent reads is what
/// is there. C0 controls and DEL in caret notation (`^[` for ESC, `^G` for
/// BEL, `^?` for DEL), C1 controls and invisible format characters (bidi
/// overrides, zero-width characters, the BOM) as `<U+202E>`. An escape
/// sequence thus prints as harmless text (`^[]52;c;SGk=^G`). Which characters
/// count is `ControlSequences.isControl`. JSON output escapes the same
/// characters instead (`JSONWriter`).
package enum OutputSanitizer {
    package enum LineBreaks: Sendable {
        /// Multi-line text (a draft): newline and tab stay.
        case keep
        /// One line (an id, a key, a file name): newline and tab are shown too.
        case show
    }

    /// `text` with every control and format character shown visibly.
    package static func visible(_ text: String, lineBreaks: LineBreaks = .keep) -> String {
        guard needsWork(text, lineBreaks) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            guard ControlSequences.isControl(s) else { out.append(s); continue }
            if lineBreaks == .keep && (s == "\n" || s == "\t") { out.append(s); continue }
            out.append(contentsOf: shown(s).unicodeScalars)
        }
        return String(out)
    }

    /// How one control character is shown.
    package static func shown(_ s: Unicode.Scalar) -> String {
        switch s.value {
        case 0x00..<0x20: return "^" + String(Unicode.Scalar(UInt8(s.value) + 0x40))
        case 0x7F: return "^?"
        default:
            let hex = String(s.value, radix: 16, uppercase: true)
            return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
        }
    }

    /// Most text has nothing to show: a byte scan finds out without building
    /// a copy. Every control is below 0x20, DEL, or starts with one of the
    /// lead bytes 0xC2 (C1), 0xD8 (U+061C), 0xE2 (U+20xx), 0xEF (U+FEFF).
    private static func needsWork(_ text: String, _ lineBreaks: LineBreaks) -> Bool {
        text.utf8.contains { b in
            (b < 0x20 && (lineBreaks == .show || (b != 0x0A && b != 0x09)))
                || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2 || b == 0xEF
        }
    }
}
