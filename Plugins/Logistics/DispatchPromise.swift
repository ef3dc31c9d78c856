import Foundation

/// The shop's dispatch promise: orders paid before the cutoff ship the same
/// day, later ones the next day (`plugins: {logistics: {dispatch_cutoff: "16:00"}}`).
struct DispatchPromise: Sendable {
    /// Minutes after midnight, shop time.
    var cutoff: Int = 16 * 60
    /// Built once: a Calendar costs microseconds to make.
    let calendar: Calendar

    init(cutoff: Int = 16 * 60, timeZone: TimeZone = .current) {
        self.cutoff = cutoff
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        self.calendar = c
    }

    enum Day: Equatable { case today, tomorrow }

    func shipDay(at now: Date) -> (day: Day, date: Date) {
        let c = calendar.dateComponents([.hour, .minute], from: now)
        let minutes = (c.hour ?? 0) * 60 + (c.minute ?? 0)
        if minutes < cutoff { return (.today, now) }
        return (.tomorrow, calendar.date(byAdding: .day, value: 1, to: now) ?? now)
    }

    /// `ship_date` as the urge_delivery drafts use it: "今天" / "明天（11月23日）",
    /// "today" / "tomorrow (Nov 23)".
    func shipDate(at now: Date, english: Bool) -> String {
        let (day, date) = shipDay(at: now)
        let c = calendar.dateComponents([.month, .day], from: date)
        let month = c.month ?? 1, d = c.day ?? 1
        if english {
            let name = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]
            return day == .today ? "today" : "tomorrow (\(name) \(d))"
        }
        // Simplified; the provider converts for a Traditional reader.
        return day == .today ? "今天" : "明天（\(month)月\(d)日）"
    }

    var cutoffText: String { String(format: "%02d:%02d", cutoff / 60, cutoff % 60) }
}

