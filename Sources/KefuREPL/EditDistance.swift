/// Levenshtein distance in characters: how much the agent changed a draft
/// before copying it (usage log, and whether the copy teaches).
enum EditDistance {
    /// Texts longer than this are compared by their first `limit` characters
    /// plus their difference in length: a draft is a few sentences, and a
    /// pasted essay must not cost seconds.
    static let limit = 2_000

    static func between(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        let x = Array(a.prefix(limit)), y = Array(b.prefix(limit))
        let extra = abs(max(a.count - limit, 0) - max(b.count - limit, 0))
        if x.isEmpty { return y.count + extra }
        if y.isEmpty { return x.count + extra }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count] + extra
    }
}
