import Foundation

/// Normalises buyer text and triggers alike, so that one set of Simplified,
/// lower-case triggers serves Traditional, full-width and upper-case messages.
///
/// Steps: strip control sequences → Unicode NFKC (full-width letters, digits
/// and punctuation become half-width) → case folding → Traditional to
/// Simplified through OpenCC (only when a Traditional-only character is
/// present: a full conversion costs about 1 µs per character) → white space
/// collapsed.
public struct TextNormalizer: Sendable {
    private let converter: ChineseConverter

    /// A normaliser converting scripts with `converter`.
    public init(converter: ChineseConverter = .shared) {
        self.converter = converter
    }

    /// The message folded, script-converted and tokenised, ready for every detector.
    public func normalize(_ raw: String) -> NormalizedText {
        var display = ControlSequences.strip(raw)
        if display.unicodeScalars.contains(where: Self.mayChangeUnderNFKC) {
            display = display.precomposedStringWithCompatibilityMapping
        }

        var han = 0, traditional = 0, latinWords = 0
        var inWord = false, wordHasLetter = false, wordHasDigit = false, wordLength = 0
        func endWord() {
            if inWord && wordHasLetter && !wordHasDigit && wordLength >= 2 { latinWords += 1 }
            inWord = false; wordHasLetter = false; wordHasDigit = false; wordLength = 0
        }
        for s in display.unicodeScalars {
            let v = s.value
            if Script.isWordCharacter(v) {
                inWord = true; wordLength += 1
                if Script.isDigit(v) { wordHasDigit = true } else { wordHasLetter = true }
                continue
            }
            endWord()
            if Script.isHan(v) {
                han += 1
                if converter.isTraditionalOnly(s) { traditional += 1 }
            }
        }
        endWord()

        // Chinese with Latin SKU codes or a few English words is Chinese: Han
        // characters count against whole Latin words, not letters.
        let language: Language
        if han > 0 && han >= latinWords {
            language =
                traditional >= 2 || (traditional >= 1 && traditional * 5 >= han)
                ? .traditionalChinese : .simplifiedChinese
        } else {
            language = .english
        }

        let scalars: [UInt32]
        if traditional > 0 {
            scalars = Self.collapsingSpace(converter.convert(display.lowercased(), .toSimplified).unicodeScalars)
        } else if let lowered = Self.lowercasedCollapsingSpace(display) {
            scalars = lowered
        } else {
            scalars = Self.collapsingSpace(display.lowercased().unicodeScalars)
        }
        return NormalizedText(
            display: display,
            folded: String(scalarValues: scalars),
            scalars: scalars, language: language, hanCount: han, latinWordCount: latinWords)
    }

    /// NFKC leaves ASCII, Han ideographs, CJK punctuation (but not the
    /// ideographic space) and emoji alone; anything else (full-width forms,
    /// compatibility ideographs, combining marks, ligatures) goes through it.
    /// Skipping the conversion when nothing can change saves microseconds per
    /// message and milliseconds at start-up.
    @inline(__always)
    static func mayChangeUnderNFKC(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 || Script.isHan(v) && !(0xF900...0xFAFF).contains(v) { return false }
        if (0x3001...0x303F).contains(v) || (0x1F300...0x1FAFF).contains(v) { return false }
        return true
    }

    /// Normalises a trigger phrase or example the same way as a message.
    package func fold(_ phrase: String) -> String { normalize(phrase).folded }

    /// White space runs collapsed to one space (none at the ends), curly
    /// apostrophes straightened.
    private static func collapsingSpace(_ text: String.UnicodeScalarView) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(text.count)
        var pendingSpace = false
        for s in text { append(s.value, to: &out, pendingSpace: &pendingSpace) }
        return out
    }

    /// `collapsingSpace(text.lowercased())` in one pass, for text whose only
    /// cased letters are ASCII (nearly every buyer message: Chinese, English,
    /// SKU codes, emoji). Nil when some other scalar changes when lower-cased
    /// (É, Σ, Д...): `String.lowercased()` handles those.
    static func lowercasedCollapsingSpace(_ text: String) -> [UInt32]? {
        var out: [UInt32] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for s in text.unicodeScalars {
            var v = s.value
            if v < 0x80 {
                if v &- 0x41 < 26 { v |= 0x20 }
            } else if !Script.isHan(v) && s.properties.changesWhenLowercased {
                return nil
            }
            append(v, to: &out, pendingSpace: &pendingSpace)
        }
        return out
    }

    @inline(__always)
    private static func append(_ v: UInt32, to out: inout [UInt32], pendingSpace: inout Bool) {
        if Script.isSpace(v) {
            pendingSpace = !out.isEmpty
            return
        }
        if pendingSpace { out.append(0x20); pendingSpace = false }
        // Typographic apostrophes are typed as often as straight ones ("don’t").
        out.append(v == 0x2019 || v == 0x2018 ? 0x27 : v)
    }
}
