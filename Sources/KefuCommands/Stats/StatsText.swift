import Foundation
import KefuCore

/// `kefu stats` as text for a person: the figures, a sparkline of messages
/// per day, bar charts of intents by volume and by miss rate, the snippets
/// to look at, and the learned examples to review. Drawn for `width`
/// columns (CJK characters take two); no line is wider.
struct StatsText {
    var report: StatsReport
    var width: Int
    /// The text's rows of snippets never picked at most (`--format csv`
    /// lists them all).
    static let neverPickedShown = 24

    /// "1 usage file", "2 usage files".
    static func count(_ n: Int, _ singular: String) -> String { "\(n) " + singular + (n == 1 ? "" : "s") }

    func render() -> StyledText {
        var t = StyledText()
        let s = report.statistics
        header(&t)
        t.newline()
        let counts: [(String, Int, String)] = [
            ("messages answered", s.messages, ""),
            ("copied", s.copied, percent(s.share(s.copied))),
            ("answered by draft 1", s.byDraft1, percent(s.share(s.byDraft1))),
            ("generic", s.generic, percent(s.share(s.generic))),
            ("hedged", s.hedged, percent(s.share(s.hedged))),
            ("missed", s.misses, s.settled > 0 ? percent(s.missRate) + " of \(s.settled) settled" : ""),
        ]
        let digits = String(s.messages).count
        for (name, n, share) in counts {
            t.add(name.padding(toLength: 21, withPad: " ", startingAt: 0))
            t.add(String(repeating: " ", count: max(0, digits - String(n).count)) + String(n))
            if !share.isEmpty { t.add("  " + share, .dim) }
            t.newline()
        }
        for (name, d, decimals) in [("keystrokes to copy", s.keystrokes, 0), ("seconds to copy", s.seconds, 1)] {
            t.add(name.padding(toLength: 21, withPad: " ", startingAt: 0))
            t.add(distribution(d, decimals: decimals))
            t.newline()
        }
        days(&t)
        intentsByVolume(&t)
        intentsByMissRate(&t)
        snippets(&t)
        learned(&t)
        if report.malformed > 0 {
            t.newline()
            t.line("skipped \(StatsText.count(report.malformed, "malformed line")) (listed on stderr)", .dim)
        }
        return t
    }

    private func header(_ t: inout StyledText) {
        let s = report.statistics
        t.add("kefu stats", .heading)
        var about = " · " + StatsText.count(report.files.count, "usage file")
        if let first = s.first, let last = s.last { about += " · " + day(first) + " to " + day(last) }
        if let since = report.since { about += " · since \(since.text)" }
        t.add(about, .dim)
        t.newline()
    }

    private func day(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: date)
    }

    private func percent(_ share: Double?) -> String {
        guard let share else { return "" }
        return String(Int((share * 100).rounded())) + "%"
    }

    private func number(_ x: Double?, decimals: Int) -> String {
        guard let x else { return "-" }
        return decimals == 0 && x == x.rounded() ? String(Int(x)) : String(format: "%.\(max(decimals, 1))f", x)
    }

    private func distribution(_ d: UsageStatistics.Distribution, decimals: Int) -> String {
        guard d.count > 0 else { return "-" }
        return "median " + number(d.median, decimals: decimals) + " · p90 " + number(d.p90, decimals: decimals)
    }

    /// The last days that fit, one column each.
    private func days(_ t: inout StyledText) {
        let days = report.statistics.days
        guard days.count > 1 else { return }
        let shown = Array(days.suffix(max(1, width - 4)))
        let top = shown.map(\.messages).max() ?? 0
        t.newline()
        t.add("messages per day", .heading)
        t.add("  \(shown[0].day) to \(shown[shown.count - 1].day), most \(top)", .dim)
        t.newline()
        t.add("  ")
        t.add(Bars.sparkline(shown.map(\.messages)), .spark)
        t.newline()
    }

    /// Label column: the widest label, but at most a third of the line.
    private func labelWidth(_ labels: [String]) -> Int {
        min(max(6, width / 3), labels.map { DisplayWidth.of($0) }.max() ?? 6)
    }

    private func padded(_ label: String, to w: Int) -> String {
        let cut = DisplayWidth.truncate(label, width: w)
        return cut + String(repeating: " ", count: max(0, w - DisplayWidth.of(cut)))
    }

    /// Rows of `label  bar  value`, the bars as long as the line allows.
    private func bars(
        _ t: inout StyledText, _ rows: [(label: String, value: Double, text: String)], maximum: Double, style: StyledText.Style
    ) {
        let labels = rows.map { OutputSanitizer.visible($0.label, lineBreaks: .show) }
        let lw = labelWidth(labels)
        let tw = rows.map { DisplayWidth.of($0.text) }.max() ?? 0
        // The last column stays empty: a terminal may wrap a line that fills it.
        let barWidth = max(1, width - 1 - 2 - lw - 2 - 2 - tw)
        for (label, row) in zip(labels, rows) {
            t.add("  " + padded(label, to: lw) + "  ")
            let bar = Bars.bar(row.value, of: maximum, width: barWidth)
            t.add(bar, style)
            t.add(String(repeating: " ", count: barWidth - DisplayWidth.of(bar) + 2))
            t.add(String(repeating: " ", count: tw - DisplayWidth.of(row.text)) + row.text)
            t.newline()
        }
    }

    private func intentsByVolume(_ t: inout StyledText) {
        let intents = report.statistics.intents
        guard !intents.isEmpty else { return }
        t.newline()
        t.line("intents by volume", .heading)
        let top = Double(intents.map(\.messages).max() ?? 1)
        bars(&t, intents.map { ($0.intent, Double($0.messages), "\($0.messages)") }, maximum: top, style: .volumeBar)
    }

    private func intentsByMissRate(_ t: inout StyledText) {
        let rated = report.statistics.intents.filter { $0.settled > 0 }
            .sorted { ($0.missRate ?? 0, $0.settled, $1.intent) > ($1.missRate ?? 0, $1.settled, $0.intent) }
        guard !rated.isEmpty else { return }
        t.newline()
        t.add("intents by miss rate", .heading)
        t.add("  missed / settled by the agent", .dim)
        t.newline()
        let digits = String(rated.map(\.settled).max() ?? 0).count
        func right(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        bars(
            &t, rated.map { ($0.intent, $0.missRate ?? 0, right(percent($0.missRate), 4) + " of " + right(String($0.settled), digits)) },
            maximum: 1, style: .missBar)
    }

    /// Ids, comma-separated, wrapped to the width.
    private func wrapped(_ t: inout StyledText, _ items: [String]) {
        var line = ""
        for item in items.map({ OutputSanitizer.visible($0, lineBreaks: .show) }) {
            let next = line.isEmpty ? item : line + ", " + item
            if !line.isEmpty && DisplayWidth.of(next) + 2 > width - 1 {
                t.line("  " + line + ",")
                line = item
            } else {
                line = next
            }
        }
        if !line.isEmpty { t.line("  " + line) }
    }

    private func snippets(_ t: inout StyledText) {
        let s = report.statistics
        if !s.neverPicked.isEmpty {
            t.newline()
            t.add("snippets never picked", .heading)
            t.add("  \(s.neverPicked.count) of \(report.librarySnippets); ×N: offered N times", .dim)
            t.newline()
            let shown = s.neverPicked.prefix(Self.neverPickedShown)
            wrapped(&t, shown.map { $0.offered > 0 ? "\($0.id) ×\($0.offered)" : $0.id })
            if s.neverPicked.count > shown.count {
                t.line("  … and \(s.neverPicked.count - shown.count) more (--format csv lists them all)", .dim)
            }
        }
        if !s.nearlyAlwaysEdited.isEmpty {
            t.newline()
            t.add("snippets nearly always edited", .heading)
            t.add(
                "  \(Int(UsageStatistics.editedShare * 100))% or more of \(UsageStatistics.editedMinimumCopies)+ copies",
                .dim)
            t.newline()
            let ids = s.nearlyAlwaysEdited.map { OutputSanitizer.visible($0.id, lineBreaks: .show) }
            let lw = labelWidth(ids)
            for (id, row) in zip(ids, s.nearlyAlwaysEdited) {
                let mean = Double(row.editDistance) / Double(max(1, row.edited))
                t.add("  " + padded(id, to: lw) + "  ")
                t.add("\(row.edited) of \(row.singleCopies) edited")
                t.add(", ~\(Int(mean.rounded())) characters each", .dim)
                t.newline()
            }
        }
    }

    private func learned(_ t: inout StyledText) {
        guard let l = report.learned else { return }
        t.newline()
        t.add("learned examples waiting for review", .heading)
        t.add("  \(l.waiting) of \(l.examples)")
        if l.waiting > 0 { t.add("  (kefu learn list; kefu learn export --pack FILE)", .dim) }
        t.newline()
    }
}
