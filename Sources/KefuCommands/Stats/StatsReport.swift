import Foundation
import KefuCore

/// Everything `kefu stats` prints, whatever the format: the statistics and
/// what they were computed from.
struct StatsReport {
    /// The learned examples as `kefu learn list` counts them.
    struct Learned: Equatable {
        var examples: Int
        var confirmed: Int
        var waiting: Int { examples - confirmed }

        init(_ all: [LearnedExample]) {
            examples = all.count
            confirmed = all.filter(\.confirmed).count
        }
    }

    var statistics: UsageStatistics
    var files: [String]
    /// `--since` as given, and the moment it means.
    var since: (text: String, date: Date)?
    /// Lines skipped as not usage records.
    var malformed: Int
    /// How many snippets the loaded library has (for "never picked, of N").
    var librarySnippets: Int
    /// Nil when the learned examples are not loaded (--no-learned,
    /// --no-user-packs) or cannot be read.
    var learned: Learned?

    /// ISO 8601, UTC, to the second: times in JSON and CSV.
    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
