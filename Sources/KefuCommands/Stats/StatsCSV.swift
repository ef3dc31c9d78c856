import KefuCore

/// `kefu stats --format csv`: one table of metric rows, `section,key,metric,value`
/// (docs/user-guide.md, *kefu stats*), so a spreadsheet or a script filters
/// rows instead of parsing several tables. Fields are quoted as RFC 4180
/// says (a comma, a quote or a line break puts the field in quotes, a quote
/// is doubled), lines end with CRLF; control characters in ids are shown,
/// not written (`OutputSanitizer`).
enum StatsCSV {
    static func render(_ report: StatsReport) -> String {
        var rows: [[String]] = [["section", "key", "metric", "value"]]
        func add(_ section: String, _ key: String, _ metric: String, _ value: String) { rows.append([section, key, metric, value]) }
        func number(_ x: Double?) -> String {
            guard let x, x.isFinite else { return "" }
            let rounded = (x * 1000).rounded() / 1000
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }
        let s = report.statistics
        func overall(_ metric: String, _ value: String) { add("overall", "", metric, value) }
        overall("files", String(report.files.count))
        overall("since", report.since.map { StatsReport.timestamp($0.date) } ?? "")
        overall("first", s.first.map(StatsReport.timestamp) ?? "")
        overall("last", s.last.map(StatsReport.timestamp) ?? "")
        overall("malformed_lines", String(report.malformed))
        overall("messages", String(s.messages))
        overall("copied", String(s.copied))
        overall("copied_share", number(s.share(s.copied)))
        overall("answered_by_draft_1", String(s.byDraft1))
        overall("answered_by_draft_1_share", number(s.share(s.byDraft1)))
        overall("keystrokes_median", number(s.keystrokes.median))
        overall("keystrokes_p90", number(s.keystrokes.p90))
        overall("seconds_median", number(s.seconds.median))
        overall("seconds_p90", number(s.seconds.p90))
        overall("generic", String(s.generic))
        overall("generic_rate", number(s.share(s.generic)))
        overall("hedged", String(s.hedged))
        overall("hedged_rate", number(s.share(s.hedged)))
        overall("settled", String(s.settled))
        overall("misses", String(s.misses))
        overall("miss_rate", number(s.missRate))
        for i in s.intents {
            add("intent", i.intent, "messages", String(i.messages))
            add("intent", i.intent, "settled", String(i.settled))
            add("intent", i.intent, "misses", String(i.misses))
            add("intent", i.intent, "miss_rate", number(i.missRate))
        }
        for d in s.days { add("day", d.day, "messages", String(d.messages)) }
        for n in s.neverPicked { add("never_picked", n.id, "offered", String(n.offered)) }
        for e in s.nearlyAlwaysEdited {
            add("nearly_always_edited", e.id, "copies", String(e.singleCopies))
            add("nearly_always_edited", e.id, "edited", String(e.edited))
            add("nearly_always_edited", e.id, "edited_share", number(e.editedShare))
            add("nearly_always_edited", e.id, "mean_edit_distance", number(Double(e.editDistance) / Double(max(1, e.edited))))
        }
        if let l = report.learned {
            add("learned", "", "examples", String(l.examples))
            add("learned", "", "confirmed", String(l.confirmed))
            add("learned", "", "waiting_for_review", String(l.waiting))
        }
        return rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field, quoted when RFC 4180 requires it.
    static func field(_ raw: String) -> String {
        let text = OutputSanitizer.visible(raw, lineBreaks: .show)
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
