import Foundation

/// `kefu stats --since`: how far back the statistics reach. A duration
/// back from now (`30m`, `24h`, `7d`, `2w`), a calendar day (`2026-11-01`,
/// from its midnight in the local time zone), or an ISO 8601 time
/// (`2026-11-01T08:00:00Z`).
package enum UsagePeriod {
    package struct Invalid: Error, CustomStringConvertible {
        package var description: String
    }

    /// The first moment that counts.
    package static func start(_ text: String, now: Date, timeZone: TimeZone = .current) throws -> Date {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let unit = t.last, let seconds = ["m": 60.0, "h": 3600.0, "d": 86400.0, "w": 604800.0][String(unit)],
            let n = Int(t.dropLast()), n >= 0
        {
            return now.addingTimeInterval(-Double(n) * seconds)
        }
        if t.count == 10, let day = day(t, timeZone: timeZone) { return day }
        let iso = ISO8601DateFormatter()
        if let date = iso.date(from: t) { return date }
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = iso.date(from: t) { return date }
        throw Invalid(description: "--since takes a duration (30m, 24h, 7d, 2w), a day (2026-11-01) or an ISO 8601 time, not '\(text)'")
    }

    /// Midnight starting the day `yyyy-MM-dd` in `timeZone`.
    static func day(_ text: String, timeZone: TimeZone) -> Date? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            parts[0].count == 4, parts[1].count == 2, parts[2].count == 2, (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: y, month: m, day: d)
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == d else { return nil }
        return date
    }
}
