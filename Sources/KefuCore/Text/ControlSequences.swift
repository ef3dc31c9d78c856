/// Removes terminal control: C0/C1 control characters and whole escape
/// sequences (CSI, OSC, DCS, SOS, PM, APC, and two-character ESC sequences).
///
/// Buyer text is untrusted: an OSC 52 in a pasted message could set the
/// agent's clipboard, a CSI could move the cursor or recolour the screen. Every
/// piece of buyer text passes through here before it is matched, extracted
/// from or echoed. Newlines survive (a message may have several lines); tabs
/// become spaces; everything else is dropped.
public enum ControlSequences {
    /// Whether `text` needs `strip` at all: the common case is no.
    @inlinable
    public static func containsControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { isControl($0) && $0 != "\n" }
    }

    @inlinable
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (s.value >= 0x7F && s.value <= 0x9F)
            || s.value == 0x2028 || s.value == 0x2029 || (s.value >= 0x202A && s.value <= 0x202E)
            || (s.value >= 0x2066 && s.value <= 0x2069)
    }

    public static func strip(_ text: String) -> String {
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
            case 0x1B: skipEscape(after: &scalars, pending: &pending)
            case 0x9B: skipCSI(&scalars)  // C1 CSI
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: skipString(&scalars)  // C1 DCS, SOS, OSC, PM, APC
            default:
                if !isControl(s) { out.append(s) }
            }
        }
        return String(out)
    }

    private static func skipEscape(
        after scalars: inout String.UnicodeScalarView.Iterator, pending: inout Unicode.Scalar?
    ) {
        guard let kind = scalars.next() else { return }
        switch kind {
        case "[": skipCSI(&scalars)
        case "]", "P", "X", "^", "_": skipString(&scalars)
        case " "..."/":
            // nF escape: intermediates then one final byte.
            while let s = scalars.next(), (0x20...0x2F).contains(s.value) {}
        default:
            // Two-character sequence (ESC c, ESC 7, ...): already consumed. A
            // non-ASCII follower is text, keep it.
            if kind.value > 0x7E { pending = kind }
        }
    }

    /// CSI: parameters and intermediates, then a final byte in 0x40...0x7E.
    private static func skipCSI(_ scalars: inout String.UnicodeScalarView.Iterator) {
        while let s = scalars.next() {
            if (0x40...0x7E).contains(s.value) || s.value > 0x7E { return }
        }
    }

    /// OSC/DCS/SOS/PM/APC: up to BEL or ST (ESC \ or 0x9C).
    private static func skipString(_ scalars: inout String.UnicodeScalarView.Iterator) {
        while let s = scalars.next() {
            if s.value == 0x07 || s.value == 0x9C { return }
            if s.value == 0x1B { _ = scalars.next(); return }
        }
    }
}
