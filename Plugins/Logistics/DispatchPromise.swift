import Foundation

/// The shop's dispatch promise: orders paid before the cutoff ship the same
/// day, later ones the next day (`plugins: {logistics: {dispatch_cutoff: "16:00"}}`
/// or `dispatch.cutoff` in the shop's facts file). There is no default: a
/// ship date nobody configured is a promise nobody checked.
///
/// Local time and dates are plain arithmetic on the time zone's offset
/// rather than `Calendar` calls: this runs on every urge_delivery message,
/// and each `Calendar` component lookup costs microseconds on Linux.
struct DispatchPromise: Sendable {
    /// Minutes after midnight, shop time.
    var cutoff: Int
    let timeZone: TimeZone

    init(cutoff: Int, timeZone: TimeZone = .current) {
        self.cutoff = cutoff
        self.timeZone = timeZone
    }

    enum Day: Equatable { case today, tomorrow }

    /// A day on the shop's wall calendar.
    struct LocalDate: Equatable {
        var month: Int
        var day: Int
    }

    func shipDay(at now: Date) -> (day: Day, date: LocalDate) {
        // Seconds since 1970-01-01 00:00 shop time (the offset includes daylight saving).
        let local = Int(now.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: now)
        let (days, seconds) = local.quotientAndRemainder(dividingBy: 86_400)
        let dayNumber = seconds < 0 ? days - 1 : days
        let minutes = ((seconds + 86_400) % 86_400) / 60
        if minutes < cutoff { return (.today, Self.civilDate(dayNumber)) }
        return (.tomorrow, Self.civilDate(dayNumber + 1))
    }

    /// Month and day of the `n`th day after 1970-01-01 in the proleptic
    /// Gregorian calendar (Howard Hinnant's `civil_from_days`).
    static func civilDate(_ n: Int) -> LocalDate {
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return LocalDate(month: month, day: day)
    }

    /// `ship_date` as the urge_delivery drafts use it: "今天" / "明天（11月23日）",
    /// "today" / "tomorrow (Nov 23)".
    func shipDate(at now: Date, english: Bool) -> String {
        let (day, date) = shipDay(at: now)
        if english {
            let name = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][date.month - 1]
            return day == .today ? "today" : "tomorrow (\(name) \(date.day))"
        }
        // Simplified; the provider converts for a Traditional reader.
        return day == .today ? "今天" : "明天（\(date.month)月\(date.day)日）"
    }

    /// "16:00". Built by hand: `String(format:)` goes through Foundation's
    /// formatter on every urge_delivery message.
    var cutoffText: String { Self.twoDigits(cutoff / 60) + ":" + Self.twoDigits(cutoff % 60) }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
