import Foundation

/// Reading a captured terminal screen.
extension String {
    func occurrences(of needle: String) -> Int {
        guard !needle.isEmpty else { return 0 }
        var count = 0
        var rest = self[...]
        while let r = rest.range(of: needle) {
            count += 1
            rest = rest[r.upperBound...]
        }
        return count
    }

    /// The screen lines, trailing blanks removed.
    var screenLines: [String] {
        split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }

    /// The number of the last draft on the screen whose first line contains `text`.
    func draftNumber(containing text: String) -> Int? {
        var found: Int? = nil
        for line in screenLines where line.contains(text) {
            let trimmed = line.drop { $0 == " " }
            if let n = Int(trimmed.prefix { $0.isNumber }) { found = n }
        }
        return found
    }
}
