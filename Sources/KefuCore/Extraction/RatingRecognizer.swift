/// A star rating the buyer gives or threatens: "1-star", "one star",
/// "一星", "给1星", "五星好评". The value is the number of stars. Never a
/// SKU ("1-star" is a letters-and-digits token) and never a week (一星期).
struct RatingRecognizer: EntityRecognizer {
    static let chineseNumerals: [UInt32: Int] = [0x96F6: 0, 0x4E00: 1, 0x4E8C: 2, 0x4E24: 2, 0x4E09: 3, 0x56DB: 4, 0x4E94: 5]  // 零一二两三四五
    static let englishNumbers: [String: Int] = ["zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5]
    static let star: UInt32 = 0x661F  // 星
    static let ke: UInt32 = 0x9897  // 颗
    /// 星 after a numeral that is not a star: 星期 (week), 星级 (hotel grade), 星座.
    static let notStar: Set<UInt32> = [0x671F, 0x7EA7, 0x5EA7]

    func recognize(_ input: RecognizerInput) -> [Recognition] {
        let t = input.text
        var found: [Recognition] = []
        var i = 0
        while i < t.count {
            if t[i] == Self.star {
                // Chinese: numeral (颗) 星, not 星期.
                var j = i - 1
                if j >= 0, t[j] == Self.ke { j -= 1 }
                if j >= 0, i + 1 >= t.count || !Self.notStar.contains(t[i + 1]) {
                    var n: Int? = Self.chineseNumerals[t[j]]
                    var start = j
                    if n == nil, Script.isDigit(t[j]), j == 0 || !Script.isDigit(t[j - 1]) { n = Int(t[j] - 0x30); start = j }
                    // 十星 / 一十 are not ratings; 一 inside a longer numeral (十一星) is not either.
                    if let n, n <= 5, start == 0 || Self.chineseNumerals[t[start - 1]] == nil {
                        found.append(Recognition(entity: Entity(kind: .rating, value: String(n)), range: start..<(i + 1)))
                    }
                }
                i += 1
                continue
            }
            // English: "1-star", "1 star", "one star", "5 stars".
            if t[i] == 0x73, input.matches("star".scalarArray, at: i), i == 0 || !Script.isWordCharacter(t[i - 1]) {
                var end = i + 4
                if end < t.count, t[end] == 0x73 { end += 1 }
                if end < t.count, Script.isWordCharacter(t[end]) { i += 1; continue }
                var j = i - 1
                if j >= 0, t[j] == 0x2D || t[j] == 0x20 { j -= 1 }
                var k = j
                while k >= 0, Script.isWordCharacter(t[k]) { k -= 1 }
                if j >= 0, k < j {
                    let word = input.folded((k + 1)..<(j + 1))
                    if let n = Int(word) ?? Self.englishNumbers[word], n <= 5 {
                        found.append(Recognition(entity: Entity(kind: .rating, value: String(n)), range: (k + 1)..<end))
                    }
                }
                i = end
                continue
            }
            i += 1
        }
        return found
    }

    static let examples: [EntityExample] = [
        EntityExample("再这样我就给1星", .rating, "1"),
        EntityExample("一星差评", .rating, "1"),
        EntityExample("給一顆星", .rating, "1"),
        EntityExample("五星好评送上", .rating, "5"),
        EntityExample("I'll leave a 1-star review", .rating, "1"),
        EntityExample("one star if this isn't fixed", .rating, "1"),
        EntityExample("gave you 5 stars", .rating, "5"),
    ]

    static let counterExamples: [EntityExample] = [
        EntityExample("I'll leave a 1-star review", .sku),
        EntityExample("等了一星期了", .rating),
        EntityExample("五星级酒店同款", .rating),
        EntityExample("star wars t-shirt", .rating),
        EntityExample("rated 10 stars by me", .rating),
    ]
}
