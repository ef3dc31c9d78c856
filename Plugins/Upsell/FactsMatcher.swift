import KefuCore

/// Finds terms of the facts file (colours, sizes, places) in a folded
/// message. A Latin term must stand as a word of its own ("tee" is not in
/// "teeth", size "m" is not in "i'm"), a Chinese one may sit anywhere.
struct FactsMatcher: Sendable {
    private let matcher: ScalarTermMatcher
    private let latinNeedsContext: Bool

    /// - Parameter latinNeedsContext: a one-letter Latin term (size S, M, L)
    ///   counts only next to Chinese or a size word ("深蓝L", "size M", "M码").
    init(_ terms: [(term: String, label: String)], latinNeedsContext: Bool = false) {
        let normalizer = TextNormalizer()
        matcher = ScalarTermMatcher(terms.map { (normalizer.fold($0.term), $0.label) })
        self.latinNeedsContext = latinNeedsContext
    }

    var isEmpty: Bool { matcher.isEmpty }

    /// Labels of the terms found, in order.
    func labels(in folded: String) -> [String] {
        let bytes = Array(folded.utf8)
        return matcher.matches(in: folded).filter { m in
            let before = m.utf8Range.lowerBound > 0 ? bytes[m.utf8Range.lowerBound - 1] : nil
            let after = m.utf8Range.upperBound < bytes.count ? bytes[m.utf8Range.upperBound] : nil
            let first = bytes[m.utf8Range.lowerBound], last = bytes[m.utf8Range.upperBound - 1]
            if Self.isWordByte(first), let before, Self.isWordByte(before) { return false }
            if Self.isWordByte(last), let after, Self.isWordByte(after) { return false }
            if latinNeedsContext && m.utf8Range.count == 1 && Self.isWordByte(first) {
                let beforeText = String(decoding: bytes[..<m.utf8Range.lowerBound], as: UTF8.self)
                let afterText = String(decoding: bytes[m.utf8Range.upperBound...], as: UTF8.self)
                let chineseNext = (before.map { $0 >= 0x80 } ?? false) || (after.map { $0 >= 0x80 } ?? false)
                let sizeWord =
                    beforeText.hasSuffix("size ") || beforeText.hasSuffix("size") || beforeText.hasSuffix("尺码")
                    || afterText.hasPrefix("码") || afterText.hasPrefix("号")
                return chineseNext || sizeWord
            }
            return true
        }.map(\.label)
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
    }
}
