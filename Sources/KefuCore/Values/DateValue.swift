/// A date as a shop writes it in config.yaml or `:set` (`ship_date:
/// tomorrow`, `明天`, `2026-12-03`, `12月3日`, `Dec 3`, `周五`), read once and
/// written in each draft's language: "tomorrow" / "明天", "Dec 3" / "12月3日".
/// Relative days stay relative: the shop means "the day after the buyer
/// asks", whenever that is.
enum DateValue: Equatable, Sendable {
    /// 0 today, 1 tomorrow, 2 the day after.
    case relative(Int)
    case calendar(month: Int, day: Int)
    /// 1 Monday ... 7 Sunday.
    case weekday(Int)

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let chineseWeekdays: [Character] = ["一", "二", "三", "四", "五", "六", "日"]

    init?(_ raw: String) {
        let text = raw.trimmingSpaces.lowercased()
        switch text {
        case "today", "今天", "今日", "當天", "当天": self = .relative(0); return
        case "tomorrow", "明天", "明日", "次日": self = .relative(1); return
        case "the day after tomorrow", "day after tomorrow", "后天", "後天": self = .relative(2); return
        default: break
        }
        // 周五, 星期五, 礼拜五, 週五, 禮拜五 (周日 / 星期天 for Sunday)
        for prefix in ["周", "週", "星期", "礼拜", "禮拜"] where text.hasPrefix(prefix) && text.count == prefix.count + 1 {
            let c = text.last!
            if let i = Self.chineseWeekdays.firstIndex(of: c) { self = .weekday(i + 1); return }
            if c == "天" { self = .weekday(7); return }
        }
        for (i, name) in Self.weekdays.enumerated() where text == name || text == String(name.prefix(3)) {
            self = .weekday(i + 1); return
        }
        // 2026-12-03, 2026/12/03, 12-03
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        if (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) {
            let numbers = parts.compactMap { Int($0) }
            let (m, d) = numbers.count == 3 ? (numbers[1], numbers[2]) : (numbers[0], numbers[1])
            if numbers.count == 3 && parts[0].count != 4 { return nil }
            guard (1...12).contains(m), (1...31).contains(d) else { return nil }
            self = .calendar(month: m, day: d); return
        }
        // 12月3日, 2026年12月3日, 12月3号
        if let yue = text.firstIndex(of: "月") {
            var monthText = text[..<yue]
            if let nian = monthText.firstIndex(of: "年") { monthText = monthText[monthText.index(after: nian)...] }
            let dayText = text[text.index(after: yue)...].filter(\.isASCIIDigit)
            let rest = text[text.index(after: yue)...].drop(while: \.isASCIIDigit)
            if let m = Int(monthText), let d = Int(dayText), (1...12).contains(m), (1...31).contains(d),
                ["日", "号", "號", ""].contains(String(rest))
            {
                self = .calendar(month: m, day: d); return
            }
            return nil
        }
        // Dec 3, December 3, 3 Dec
        let words = text.split(separator: " ").map { $0.filter { $0 != "," && $0 != "." } }
        if words.count == 2 {
            for (a, b) in [(words[0], words[1]), (words[1], words[0])] {
                if let m = Self.months.firstIndex(where: { a.hasPrefix($0) }), a.count >= 3,
                    let d = Int(b.filter(\.isASCIIDigit)), (1...31).contains(d), b.first?.isASCIIDigit == true
                {
                    self = .calendar(month: m + 1, day: d); return
                }
            }
        }
        return nil
    }

    /// The date in a draft's language (Simplified for both Chinese scripts:
    /// the caller converts for a Traditional reader).
    func text(english: Bool) -> String {
        switch self {
        case .relative(let n):
            if english { return ["today", "tomorrow", "the day after tomorrow"][n] }
            return ["今天", "明天", "后天"][n]
        case .calendar(let m, let d):
            return english ? "\(Self.monthNames[m - 1]) \(d)" : "\(m)月\(d)日"
        case .weekday(let w):
            if english { let n = Self.weekdays[w - 1]; return n.prefix(1).uppercased() + n.dropFirst() }
            return "周" + String(Self.chineseWeekdays[w - 1])
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
