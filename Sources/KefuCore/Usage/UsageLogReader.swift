import Foundation

/// Reads usage logs (`UsageLog`'s JSON Lines) for `kefu stats`: one
/// agent's folder, or several agents' files and folders for a team lead.
///
/// Reading never stops at a bad line: a line that is not a usage record
/// (not JSON, a field missing or of the wrong type, an unknown event, a
/// time that is not ISO 8601) is skipped and reported with its file and
/// line, and every other line still counts. Blank lines are no records and
/// no problem.
package enum UsageLogReader {
    /// The usage files at `paths`, in order: a file as named, a folder's
    /// `*.jsonl` files at any depth (sorted, so rotated files come oldest
    /// first and the current `usage.jsonl` after them). Each file once,
    /// however it was reached. `missing`: paths that are neither.
    package static func files(at paths: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = []
        var missing: [String] = []
        var seen = Set<String>()
        func add(_ path: String) {
            let key = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            if seen.insert(key).inserted { files.append(path) }
        }
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                missing.append(path)
                continue
            }
            guard isFolder.boolValue else {
                add(path)
                continue
            }
            let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            let logs = found.filter { name in
                name.hasSuffix(".jsonl") && !name.split(separator: "/").contains { $0.hasPrefix(".") }
            }
            for name in logs.sorted(by: Self.logOrder) { add(path + "/" + name) }
        }
        return (files, missing)
    }

    /// Within a folder, rotated files (`usage-<time>-...`) before the
    /// current one: the order the lines were written in.
    static func logOrder(_ a: String, _ b: String) -> Bool {
        let (folderA, nameA) = split(a)
        let (folderB, nameB) = split(b)
        if folderA != folderB { return folderA < folderB }
        let currentA = nameA == "usage.jsonl", currentB = nameB == "usage.jsonl"
        if currentA != currentB { return currentB }
        return nameA < nameB
    }

    private static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// Every record of one file; a file that cannot be read is one problem
    /// (line 0).
    package static func read(_ path: String) -> (lines: [UsageLine], malformed: [MalformedUsageLine]) {
        do {
            return parse(try Data(contentsOf: URL(fileURLWithPath: path)), path: path)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "cannot read it"
            return ([], [MalformedUsageLine(path: path, line: 0, reason: reason)])
        }
    }

    /// The records of one file's bytes, numbered from line 1.
    package static func parse(_ data: Data, path: String) -> (lines: [UsageLine], malformed: [MalformedUsageLine]) {
        let decoder = JSONDecoder()
        let times = TimeParser()
        var lines: [UsageLine] = []
        var malformed: [MalformedUsageLine] = []
        var number = 0
        for piece in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            guard piece.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            do {
                let record = try decoder.decode(UsageRecord.self, from: Data(piece))
                guard let date = times.date(record.time) else {
                    malformed.append(MalformedUsageLine(path: path, line: number, reason: "time is not ISO 8601"))
                    continue
                }
                lines.append(UsageLine(record: record, date: date, path: path, line: number))
            } catch {
                malformed.append(MalformedUsageLine(path: path, line: number, reason: Self.reason(error)))
            }
        }
        return (lines, malformed)
    }

    /// What is wrong with a line, in a few words.
    static func reason(_ error: Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: return "not a usage record (no \(key.stringValue))"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            return "not a usage record (\(context.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type)"
        case .dataCorrupted(let context)? where !context.codingPath.isEmpty:
            return "not a usage record (\(context.codingPath.map(\.stringValue).joined(separator: ".")) is not valid)"
        default: return "not JSON"
        }
    }

    /// ISO 8601 times: the log's own shape (`2026-12-02T06:51:49.911Z`) read
    /// digit by digit, since a team's logs are hundreds of thousands of
    /// lines and a date formatter per line was most of the time; any other
    /// ISO 8601 form (an offset, whole seconds) through Foundation.
    final class TimeParser {
        private let withFraction: ISO8601DateFormatter = {
            let f = ISO8601DateFormatter()
            f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return f
        }()
        private let whole = ISO8601DateFormatter()

        func date(_ text: String) -> Date? {
            Self.logTime(text) ?? withFraction.date(from: text) ?? whole.date(from: text)
        }

        /// `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC, or nil for anything else.
        static func logTime(_ text: String) -> Date? {
            let u = Array(text.utf8)
            guard u.count == 24, u[4] == 0x2D, u[7] == 0x2D, u[10] == 0x54, u[13] == 0x3A, u[16] == 0x3A, u[19] == 0x2E, u[23] == 0x5A
            else { return nil }
            func number(_ from: Int, _ count: Int) -> Int? {
                var n = 0
                for i in from..<(from + count) {
                    guard (0x30...0x39).contains(u[i]) else { return nil }
                    n = n * 10 + Int(u[i] - 0x30)
                }
                return n
            }
            guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2), let h = number(11, 2), let mi = number(14, 2),
                let s = number(17, 2), let ms = number(20, 3), (1...12).contains(m), (1...31).contains(d), h < 24, mi < 60, s < 61
            else { return nil }
            // Days from 1970-01-01 to the civil date (H. Hinnant's algorithm).
            let yy = m <= 2 ? y - 1 : y
            let era = (yy >= 0 ? yy : yy - 399) / 400
            let yoe = yy - era * 400
            let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
            let days = era * 146097 + doe - 719468
            let seconds = Double(days * 86400 + h * 3600 + mi * 60 + s) + Double(ms) / 1000
            return Date(timeIntervalSince1970: seconds)
        }
    }
}
