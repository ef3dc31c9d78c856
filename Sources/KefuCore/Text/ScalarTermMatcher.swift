/// Finds any of a fixed set of terms in a text in one pass over its UTF-8
/// bytes, ASCII case-insensitively, leftmost-longest: at each scalar the
/// longest term starting there wins and the scan resumes after it.
///
/// Draft checks run this on every draft shown, so the scan reads the
/// string's own bytes and allocates nothing unless a term is found: each
/// position costs one bit test on the pair of bytes starting there (a term
/// starts with a lead byte, so positions inside a scalar never pass), and
/// only a passing pair looks at the terms.
public struct ScalarTermMatcher: Sendable {
    /// One term found: its text as written in the scanned string, its label,
    /// and where it is (UTF-8 offsets).
    public struct Match: Sendable, Hashable {
        public var term: String
        public var label: String
        public var utf8Range: Range<Int>
    }

    struct Term: Sendable {
        /// Folded UTF-8 bytes.
        var bytes: [UInt8]
        var label: String
    }

    public var isEmpty: Bool { byPair.isEmpty }
    /// Terms by their first two folded bytes (a one-byte term under every
    /// pair it can begin), longest first.
    private let byPair: [UInt16: [Term]]
    /// The keys of `byPair` as 65,536 bits.
    private let pairBits: [UInt64]

    /// - Parameter terms: (term, label) pairs; an empty label marks an
    ///   allow-listed term that is consumed but not reported.
    public init(_ terms: [(String, String)]) {
        var map: [UInt16: [Term]] = [:]
        for (term, label) in terms where !term.isEmpty {
            let bytes = term.utf8.map(Self.fold)
            let t = Term(bytes: bytes, label: label)
            if bytes.count == 1 {
                for second in 0...255 { map[Self.pair(bytes[0], UInt8(second)), default: []].append(t) }
            } else {
                map[Self.pair(bytes[0], bytes[1]), default: []].append(t)
            }
        }
        // Longest first, so 最低价 wins over 最低.
        self.byPair = map.mapValues { $0.sorted { $0.bytes.count > $1.bytes.count } }
        var bits = [UInt64](repeating: 0, count: 1024)
        for key in map.keys { bits[Int(key >> 6)] |= 1 << UInt64(key & 63) }
        self.pairBits = bits
    }

    /// ASCII upper case to lower case; every other byte (UTF-8 lead and
    /// continuation bytes are ≥ 0x80) is left alone.
    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    @inline(__always)
    static func pair(_ a: UInt8, _ b: UInt8) -> UInt16 { UInt16(a) << 8 | UInt16(b) }

    /// Each matching term with its label, in order of appearance.
    public func matches(in text: String) -> [Match] {
        if byPair.isEmpty { return [] }
        var text = text
        return text.withUTF8 { buf in pairBits.withUnsafeBufferPointer { scan(buf, $0) } }
    }

    private func scan(_ buf: UnsafeBufferPointer<UInt8>, _ bits: UnsafeBufferPointer<UInt64>) -> [Match] {
        var found: [Match] = []
        let n = buf.count
        var i = 0
        while i < n {
            // A NUL stands in for the byte after the end (one-byte terms).
            let key = Self.pair(Self.fold(buf[i]), i + 1 < n ? Self.fold(buf[i + 1]) : 0)
            guard bits[Int(key >> 6)] & (1 << UInt64(key & 63)) != 0, let terms = byPair[key] else {
                i += 1
                continue
            }
            var matched: Term? = nil
            for t in terms where t.bytes.count <= n - i {
                var k = 0
                while k < t.bytes.count, Self.fold(buf[i + k]) == t.bytes[k] { k += 1 }
                if k == t.bytes.count { matched = t; break }
            }
            guard let t = matched else { i += 1; continue }
            let end = i + t.bytes.count
            if !t.label.isEmpty {
                found.append(Match(term: String(decoding: UnsafeBufferPointer(rebasing: buf[i..<end]), as: UTF8.self), label: t.label, utf8Range: i..<end))
            }
            i = end
        }
        return found
    }
}
