/// Bar charts and sparklines drawn with block characters, one column each
/// (U+2581-U+2588: narrow in every terminal kefu draws for), so a bar of n
/// cells takes exactly n columns.
enum Bars {
    /// Eighths of a cell, for the end of a bar.
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    /// Sparkline levels, lowest first.
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A bar `value / maximum` of `width` cells long, in eighths of a
    /// cell; anything above zero shows at least an eighth. At most `width`
    /// columns.
    static func bar(_ value: Double, of maximum: Double, width: Int) -> String {
        guard maximum > 0, value > 0, width > 0 else { return "" }
        let eighthsLong = max(1, Int((min(value / maximum, 1) * Double(width) * 8).rounded()))
        let full = eighthsLong / 8
        let rest = eighthsLong % 8
        return String(repeating: "█", count: full) + (rest > 0 ? String(eighths[rest - 1]) : "")
    }

    /// One column per value, eight levels scaled to the largest; a zero is a
    /// blank (a quiet day shows as a gap).
    static func sparkline(_ values: [Int]) -> String {
        let top = values.max() ?? 0
        return String(
            values.map { v -> Character in
                guard v > 0, top > 0 else { return " " }
                let level = Int((Double(v) / Double(top) * 8).rounded(.up))
                return levels[min(max(level, 1), 8) - 1]
            })
    }
}
