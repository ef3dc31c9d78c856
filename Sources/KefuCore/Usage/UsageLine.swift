import Foundation

/// One usage record as `kefu stats` read it: the record, its time as a
/// date, and where it was read (for reports that name file and line).
public struct UsageLine: Sendable, Equatable {
    public var record: UsageRecord
    public var date: Date
    public var path: String
    public var line: Int

    public init(record: UsageRecord, date: Date, path: String, line: Int) {
        self.record = record
        self.date = date
        self.path = path
        self.line = line
    }
}

/// A line of a usage file that is not a usage record: reported with its
/// file and line, skipped, and counted; the rest of the file still counts.
public struct MalformedUsageLine: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var reason: String

    public init(path: String, line: Int, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(path):\(line): skipped: \(reason)" }
}
