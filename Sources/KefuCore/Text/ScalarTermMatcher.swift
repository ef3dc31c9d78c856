/// Finds any of a fixed set of terms in a text in one pass over its scalars,
/// ASCII case-insensitively. Terms are grouped by first scalar at load, so a
/// draft with none of those first scalars costs one set lookup per scalar
/// and allocates nothing.
public struct ScalarTermMatcher: Sendable {
    public var isEmpty: Bool { byFirst.isEmpty }

    struct Term: Sendable {
        var scalars: [UInt32]
        var label: String
    }

    private let byFirst: [UInt32: [Term]]
    /// First scalars of the terms, hashed into 8192 bits: most scalars of a
    /// text are rejected with one bit test before any dictionary lookup.
    private let firstBits: [UInt64]

    /// - Parameter terms: (term, label) pairs; an empty label marks an
    ///   allow-listed term that is consumed but not reported.
    public init(_ terms: [(String, String)]) {
        var map: [UInt32: [Term]] = [:]
        for (term, label) in terms {
            let s = term.unicodeScalars.map { Self.fold($0.value) }
            guard let first = s.first else { continue }
            map[first, default: []].append(Term(scalars: s, label: label))
        }
        // Longest first, so 最低价 wins over 最低.
        self.byFirst = map.mapValues { $0.sorted { $0.scalars.count > $1.scalars.count } }
        var bits = [UInt64](repeating: 0, count: 128)
        for first in map.keys {
            bits[Int((first & 8191) >> 6)] |= 1 << UInt64(first & 63)
            // Upper-case ASCII folds to the lower-case key.
            if (0x61...0x7A).contains(first) { bits[Int(((first - 0x20) & 8191) >> 6)] |= 1 << UInt64((first - 0x20) & 63) }
        }
        self.firstBits = bits
    }

    public static func fold(_ v: UInt32) -> UInt32 { (0x41...0x5A).contains(v) ? v + 0x20 : v }

    /// Each matching term (its text) with its label, in order of appearance.
    /// Walks the string's own scalars: nothing is allocated unless a term's
    /// first scalar occurs.
    public func matches(in text: String) -> [(term: String, label: String)] {
        var found: [(term: String, label: String)] = []
        if byFirst.isEmpty { return found }
        let view = text.unicodeScalars
        var i = view.startIndex
        while i < view.endIndex {
            let v = view[i].value
            guard firstBits[Int((v & 8191) >> 6)] & (1 << UInt64(v & 63)) != 0, let terms = byFirst[Self.fold(v)] else {
                view.formIndex(after: &i)
                continue
            }
            var matched: (Term, String.UnicodeScalarView.Index)? = nil
            for t in terms {
                var j = view.index(after: i), k = 1
                while k < t.scalars.count, j < view.endIndex, Self.fold(view[j].value) == t.scalars[k] { k += 1; view.formIndex(after: &j) }
                if k == t.scalars.count { matched = (t, j); break }
            }
            if let (t, end) = matched {
                if !t.label.isEmpty { found.append((String(view[i..<end]), t.label)) }
                i = end
            } else {
                view.formIndex(after: &i)
            }
        }
        return found
    }
}
