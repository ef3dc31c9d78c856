import Foundation

/// One usage record as `kefu stats` read it: the record, its time as a
/// date, and where it was read (for reports that name file and line).
package struct UsageLine: Sendable, Equatable {
    package var record: UsageRecord
    package var date: Date
    package var path: String
    package var line: Int

    package init(record: UsageRecord, date: Date, path: String, line: Int) {
        self.record = record
        self.date = date
        self.path = path
        self.line = line
    }
}

/// A line of a usage file that is not a usage record: reported with its
/// file and line, skipped, and counted; the rest of the file still counts.
package struct MalformedUsageLine: Sendable, Equatable, CustomStringConvertible {
    package var path: String
    package var line: Int
    package var reason: String

    package init(path: String, line: Int, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    package var description: String { "\(path):\(line): skipped: \(reason)" }
}
