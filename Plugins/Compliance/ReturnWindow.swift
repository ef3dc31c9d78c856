import Foundation

/// Return windows a draft promises: "7天无理由", "七天无理由退货", "15-day
/// return", "return within 30 days".
enum ReturnWindow {
    static let chineseNumbers: [Character: Int] = ["一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]

    static func days(in text: String) -> [Int] {
        guard text.contains("天") || text.lowercased().contains("day") else { return [] }
        var found: [Int] = []
        for marker in ["天无理由", "天内退", "天退换", "天包退"] {
            var search = text[...]
            while let r = search.range(of: marker) {
                if let n = number(before: text[..<r.lowerBound]) { found.append(n) }
                search = search[r.upperBound...]
            }
        }
        let lower = text.lowercased()
        for marker in ["-day return", " day return", "-day refund", " day refund", " days to return", " days for return"] {
            var search = lower[...]
            while let r = search.range(of: marker) {
                if let n = number(before: lower[..<r.lowerBound]) { found.append(n) }
                search = search[r.upperBound...]
            }
        }
        var search = lower[...]
        while let r = search.range(of: "within ") {
            let after = lower[r.upperBound...]
            let digits = after.prefix { $0.isASCII && $0.isNumber }
            if let n = Int(digits), after.dropFirst(digits.count).hasPrefix(" day") { found.append(n) }
            search = lower[r.upperBound...]
        }
        return found
    }

    /// The number written just before a marker: ASCII digits, or 七 / 十五 / 三十.
    static func number(before s: Substring) -> Int? {
        let digits = String(s.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
        if !digits.isEmpty { return Int(digits) }
        let han = Array(s.reversed().prefix { chineseNumbers[$0] != nil }.reversed())
        guard !han.isEmpty else { return nil }
        var total = 0, current = 0
        for c in han {
            let v = chineseNumbers[c]!
            if v == 10 { total += max(current, 1) * 10; current = 0 } else { current = v }
        }
        return total + current
    }
}
