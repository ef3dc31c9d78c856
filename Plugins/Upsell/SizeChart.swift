/// Height and weight ranges to sizes, as on a shop's size chart.
struct SizeChart: Sendable, Hashable {
    struct Row: Sendable, Hashable {
        var size: String
        /// Inclusive ranges in cm and kg; a row may give only one of them.
        var height: ClosedRange<Double>?
        var weight: ClosedRange<Double>?
    }

    var rows: [Row]

    /// The size for a buyer's height and weight. When the two point at
    /// different rows the larger size wins (a size too small cannot be worn);
    /// nil when either measurement is outside the chart, so nothing is guessed.
    func size(heightCM: Double?, weightKG: Double?) -> String? {
        guard heightCM != nil || weightKG != nil else { return nil }
        func index(_ value: Double?, _ range: (Row) -> ClosedRange<Double>?) -> Int?? {
            guard let value else { return .some(nil) }
            let covering = rows.indices.filter { range(rows[$0])?.contains(value) ?? false }
            if covering.isEmpty { return rows.contains { range($0) != nil } ? nil : .some(nil) }
            return covering.last
        }
        guard let byHeight = index(heightCM, \.height), let byWeight = index(weightKG, \.weight) else { return nil }
        guard let i = [byHeight, byWeight].compactMap({ $0 }).max() else { return nil }
        return rows[i].size
    }
}
