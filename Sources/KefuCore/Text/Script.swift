/// Character classes the pipeline cares about, decided per Unicode scalar.
enum Script {
    /// Han ideographs (CJK Unified, Extension A, Compatibility, Extensions B+).
    @inline(__always)
    static func isHan(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x3134F).contains(v)
    }

    @inline(__always)
    static func isASCIILetter(_ v: UInt32) -> Bool {
        (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v)
    }

    @inline(__always)
    static func isDigit(_ v: UInt32) -> Bool { (0x30...0x39).contains(v) }

    /// Letters and digits of Latin-script words (ASCII plus Latin-1/Extended letters).
    @inline(__always)
    static func isWordCharacter(_ v: UInt32) -> Bool {
        isASCIILetter(v) || isDigit(v) || (0xC0...0x24F).contains(v) && v != 0xD7 && v != 0xF7
    }

    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x0A || v == 0x09 || v == 0x0D || v == 0x3000 || v == 0xA0
    }
}
