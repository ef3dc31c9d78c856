import KefuCore

/// `kefu stats --format json`: one object, keys in a fixed order, written
/// with kefu's `JSONWriter` (strings escaped, nothing left to the terminal).
/// `version` says the shape; a key's meaning never changes within a version.
enum StatsJSON {
    static let version = 1

    static func render(_ report: StatsReport) -> [UInt8] {
        let s = report.statistics
        var w = JSONWriter()
        w.object { w in
            w.field("version", version)
            w.field("files", strings: report.files)
            w.field("since", report.since.map { StatsReport.timestamp($0.date) })
            w.field("first", s.first.map(StatsReport.timestamp))
            w.field("last", s.last.map(StatsReport.timestamp))
            w.field("malformed_lines", report.malformed)
            w.field("messages", s.messages)
            w.field("copied", s.copied)
            w.key("copied_share")
            optional(&w, s.share(s.copied))
            w.field("answered_by_draft_1", s.byDraft1)
            w.key("answered_by_draft_1_share")
            optional(&w, s.share(s.byDraft1))
            distribution(&w, "keystrokes", s.keystrokes)
            distribution(&w, "seconds", s.seconds)
            w.field("generic", s.generic)
            w.key("generic_rate")
            optional(&w, s.share(s.generic))
            w.field("hedged", s.hedged)
            w.key("hedged_rate")
            optional(&w, s.share(s.hedged))
            w.field("settled", s.settled)
            w.field("misses", s.misses)
            w.key("miss_rate")
            optional(&w, s.missRate)
            w.key("intents")
            w.array { w in
                for i in s.intents {
                    w.object { w in
                        w.field("intent", i.intent)
                        w.field("messages", i.messages)
                        w.field("settled", i.settled)
                        w.field("misses", i.misses)
                        w.key("miss_rate")
                        optional(&w, i.missRate)
                    }
                }
            }
            w.key("days")
            w.array { w in
                for d in s.days {
                    w.object { w in
                        w.field("day", d.day)
                        w.field("messages", d.messages)
                    }
                }
            }
            w.key("snippets_never_picked")
            w.array { w in
                for n in s.neverPicked {
                    w.object { w in
                        w.field("snippet", n.id)
                        w.field("offered", n.offered)
                    }
                }
            }
            w.key("snippets_nearly_always_edited")
            w.array { w in
                for e in s.nearlyAlwaysEdited {
                    w.object { w in
                        w.field("snippet", e.id)
                        w.field("copies", e.singleCopies)
                        w.field("edited", e.edited)
                        w.key("edited_share")
                        optional(&w, e.editedShare)
                        w.field("mean_edit_distance", Double(e.editDistance) / Double(max(1, e.edited)))
                    }
                }
            }
            w.key("learned")
            if let l = report.learned {
                w.object { w in
                    w.field("examples", l.examples)
                    w.field("confirmed", l.confirmed)
                    w.field("waiting_for_review", l.waiting)
                }
            } else {
                w.null()
            }
        }
        return w.line
    }

    private static func optional(_ w: inout JSONWriter, _ x: Double?) {
        if let x { w.number(x) } else { w.null() }
    }

    private static func distribution(_ w: inout JSONWriter, _ key: StaticString, _ d: UsageStatistics.Distribution) {
        w.key(key)
        w.object { w in
            w.field("count", d.count)
            w.key("median")
            optional(&w, d.median)
            w.key("p90")
            optional(&w, d.p90)
        }
    }
}
