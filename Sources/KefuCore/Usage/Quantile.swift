/// Quantiles of a sample, by linear interpolation between the closest ranks
/// (the definition of numpy's default and spreadsheets' PERCENTILE.INC):
/// the median of 1, 2, 3, 4 is 2.5 and its 90th percentile 3.7. Nil for an
/// empty sample.
package enum Quantile {
    /// `q` (0…1) of `values`, which need not be sorted.
    package static func of(_ values: [Double], _ q: Double) -> Double? {
        of(sorted: values.sorted(), q)
    }

    package static func of(sorted values: [Double], _ q: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let position = Double(values.count - 1) * min(max(q, 0), 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, values.count - 1)
        return values[below] + (values[above] - values[below]) * (position - Double(below))
    }
}
