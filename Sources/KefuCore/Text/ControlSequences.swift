/// Removes terminal control from untrusted input: C0/C1 control characters,
/// whole escape sequences (CSI, OSC, DCS, SOS, PM, APC, and two-character ESC
/// sequences), and the invisible format characters that reorder or hide text
/// (bidi overrides and isolates, zero-width characters, the BOM).
///
/// Buyer text is untrusted: an OSC 52 in a pasted message could set the
/// agent's clipboard, a CSI could move the cursor or recolour the screen, a
/// U+202E could make a draft read backwards. Every piece of buyer text, every
/// value (`--var`, `vars`) and every plugin string passes through here before
/// it is matched, extracted from, or put into a draft. Newlines survive (a
/// message may have several lines); tabs become spaces; everything else is
/// dropped.
///
/// A malformed or unterminated sequence drops only itself: a control string
/// (OSC and friends) is printable ASCII up to its terminator, so the first
/// character that cannot belong to it (Chinese text, a newline) ends it and
/// is kept; a CSI ends at the first character that is not a parameter,
/// intermediate or final byte. `您好\u{1B}]我的快递到哪了` keeps its question.
///
/// Output goes through `OutputSanitizer` instead, which shows these
/// characters rather than dropping them; both use `isControl` below, the one
/// list of what counts as terminal control.
package enum ControlSequences {
    /// Whether `text` needs `strip` at all: the common case is no.
    @inlinable
    package static func containsControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { isControl($0) && $0 != "\n" }
    }

    /// Terminal control or invisible format character: C0, DEL, C1, the line
    /// and paragraph separators, zero-width characters (U+200B-U+200F, U+FEFF),
    /// bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069)
    /// and the Arabic letter mark (U+061C).
    @inlinable
    package static func isControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return true }
        guard v >= 0x061C else { return false }
        return v == 0x061C || (v >= 0x200B && v <= 0x200F) || (v >= 0x2028 && v <= 0x202E)
            || (v >= 0x2066 && v <= 0x2069) || v == 0xFEFF
    }

    package static func strip(_ text: String) -> String {
        guard containsControl(text) else { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }
        while let s = next() {
            switch s.value {
            case 0x0A: out.append(s)
            case 0x0D:
                // CR LF and lone CR are both line ends.
                if let following = scalars.next(), following != "\n" { pending = following }
                out.append("\n")
            case 0x09: out.append(" ")
            case 0x1B: pending = skipEscape(&scalars)
            case 0x9B: pending = skipCSI(&scalars)  // C1 CSI
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: pending = skipString(&scalars)  // C1 DCS, SOS, OSC, PM, APC
            default:
                if !isControl(s) { out.append(s) }
            }
        }
        return String(out)
    }

    /// Skips what follows an ESC; returns the first scalar that is not part
    /// of the sequence, if one was read.
    private static func skipEscape(_ scalars: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        guard let kind = scalars.next() else { return nil }
        switch kind.value {
        case 0x5B: return skipCSI(&scalars)  // [
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: return skipString(&scalars)  // ] P X ^ _
        case 0x20...0x2F:
            // nF escape: intermediates then one final byte.
            while let s = scalars.next() {
                if (0x20...0x2F).contains(s.value) { continue }
                return (0x30...0x7E).contains(s.value) ? nil : s
            }
            return nil
        case 0x30...0x7E:
            return nil  // a two-character sequence (ESC c, ESC 7, ESC \ ...)
        default:
            return kind  // not a sequence at all: the ESC alone goes
        }
    }

    /// CSI: parameters and intermediates (0x20-0x3F), then a final byte in
    /// 0x40...0x7E. Anything else ends it and is not part of it.
    private static func skipCSI(_ scalars: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        while let s = scalars.next() {
            if (0x20...0x3F).contains(s.value) { continue }
            return (0x40...0x7E).contains(s.value) ? nil : s
        }
        return nil
    }

    /// OSC/DCS/SOS/PM/APC: printable ASCII up to BEL or ST (ESC \ or 0x9C).
    /// An ESC ends it too (and is handed back: ESC \ is then dropped as a
    /// two-character sequence, any other ESC starts the next sequence); so
    /// does anything that cannot be in it, which is kept.
    private static func skipString(_ scalars: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        while let s = scalars.next() {
            if (0x20...0x7E).contains(s.value) { continue }
            if s.value == 0x07 || s.value == 0x9C { return nil }
            return s
        }
        return nil
    }
}
