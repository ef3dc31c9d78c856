extension KefuResult {
    /// Standard output with every run of spaces made one: aligned listings
    /// (`kefu plugins list`) compared by their cells, whatever the widths.
    var cells: String {
        out.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(separator: " ").joined(separator: " ") }
            .joined(separator: "\n")
    }
}
