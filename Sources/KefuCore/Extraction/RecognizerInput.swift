/// What a recogniser reads: the folded scalars (lower case, Simplified,
/// single spaces) to decide, and the buyer's own text to quote.
///
/// Values a draft repeats (an address, an invoice title) are quoted from
/// `display`, in the buyer's case and script: "Flat 4B", 臺北市. Folding maps
/// scalars one to one except white space runs, so a folded range maps back
/// by walking both texts once; when it does not (a rare case-folding that
/// changes length), the folded text is quoted instead.
final class RecognizerInput {
    let message: NormalizedText
    let text: [UInt32]
    let hits: [EntityLexicon.Hit]

    init(message: NormalizedText, hits: [EntityLexicon.Hit]) {
        self.message = message
        self.text = message.scalars
        self.hits = hits
    }

    /// Runs of letters and digits, read once for every recogniser.
    lazy var tokens: [BuiltinEntityExtractor.Token] = BuiltinEntityExtractor.tokens(text)

    private lazy var displayScalars: [Unicode.Scalar] = Array(message.display.unicodeScalars)

    /// Folded index → display index, or nil when the two do not align.
    private lazy var alignment: [Int]? = {
        let d = displayScalars
        var map: [Int] = []
        map.reserveCapacity(text.count)
        var i = 0
        for v in text {
            if Script.isSpace(v) {
                guard i < d.count, Script.isSpace(d[i].value) else {
                    // A space the folding added (none today): no display scalar.
                    map.append(i); continue
                }
                map.append(i)
                while i < d.count, Script.isSpace(d[i].value) { i += 1 }
                continue
            }
            while i < d.count, Script.isSpace(d[i].value) { i += 1 }  // leading or trimmed space
            guard i < d.count else { return nil }
            map.append(i)
            i += 1
        }
        return map
    }()

    /// The buyer's own text for a folded range.
    func quote(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        if let map = alignment, range.upperBound <= map.count {
            let start = map[range.lowerBound], end = map[range.upperBound - 1] + 1
            if start < end, end <= displayScalars.count {
                var s = String.UnicodeScalarView()
                s.append(contentsOf: displayScalars[start..<end])
                return String(s)
            }
        }
        return String(scalarValues: text[range])
    }

    /// Folded text of a range.
    func folded(_ range: Range<Int>) -> String { String(scalarValues: text[range.clamped(to: 0..<text.count)]) }

    /// Whether `word` (folded scalars) occurs at `index`.
    func matches(_ word: [UInt32], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= text.count else { return false }
        for k in 0..<word.count where text[index + k] != word[k] { return false }
        return true
    }

    /// Whether `word` ends at `end` (exclusive).
    func matches(_ word: [UInt32], endingAt end: Int) -> Bool { matches(word, at: end - word.count) }

    /// Whether any of `words` occurs anywhere in the message.
    func contains(any words: [[UInt32]]) -> Bool {
        for w in words where !w.isEmpty {
            var i = 0
            while i + w.count <= text.count {
                if text[i] == w[0] && matches(w, at: i) { return true }
                i += 1
            }
        }
        return false
    }

    /// Whether a keyword of `role` ends within `distance` scalars before `start`.
    func keyword(_ role: EntityLexicon.Role, before start: Int, within distance: Int) -> Bool {
        hits.contains { $0.role == role && $0.end <= start && start - $0.end <= distance }
    }
}

extension Array where Element == [UInt32] {
    /// Folded words as scalar arrays, for recognisers' keyword lists.
    init(words: [String]) { self = words.map { $0.unicodeScalars.map(\.value) } }
}

extension String {
    var scalarArray: [UInt32] { unicodeScalars.map(\.value) }
}
