/// The JSON Lines record of one suggestion (`kefu suggest --format jsonl`).
/// Key order is part of the interface: see docs/user-guide.md. Written
/// straight to bytes with `JSONWriter`'s streaming calls: this runs once per
/// message in batch mode, and a `Value` tree would double its cost.
package enum SuggestionJSON {
    package static func record(id: JSONWriter.Value, _ s: Suggestion, explain: Bool = false) -> String {
        writer(id: id, s, explain: explain).output
    }

    /// The record as one UTF-8 line, newline included (`kefu suggest`).
    package static func line(id: JSONWriter.Value, _ s: Suggestion, explain: Bool = false) -> [UInt8] {
        writer(id: id, s, explain: explain).line
    }

    static func writer(id: JSONWriter.Value, _ s: Suggestion, explain: Bool) -> JSONWriter {
        var w = JSONWriter()
        w.object { w in
            w.key("id")
            w.write(id)
            w.field("language", s.language.rawValue)
            w.field("detected_language", s.detectedLanguage.rawValue)
            w.key("intents")
            w.array { w in for i in s.intents { intent(i, reported: true, &w) } }
            w.field("hedged", s.hedged)
            w.key("guesses")
            w.array { w in for i in s.guesses { intent(i, reported: false, &w) } }
            w.key("entities")
            w.array { w in for e in s.entities { entity(e, &w) } }
            w.key("tone")
            w.object { w in
                w.field("upset", s.tone.upset)
                w.field("anger", s.tone.anger)
                w.field("urgency", s.tone.urgency)
                w.field("cues", strings: s.tone.cues)
            }
            w.field("fallback", s.usedFallback)
            w.key("drafts")
            w.array { w in for d in s.drafts { draft(d, explain: explain, &w) } }
            w.key("plugins_skipped")
            w.array { w in
                for p in s.pluginsSkipped {
                    w.object { w in
                        w.field("id", p.id)
                        w.field("reason", p.reason)
                        w.field("detail", p.detail)
                    }
                }
            }
            // Only for a record of a thread: without one, the record is
            // byte for byte what it was before threads.
            if let t = s.thread { thread(t, &w) }
        }
        return w
    }

    /// `"thread": {"id", "message", "follow_up_of", "carried"}`.
    static func thread(_ t: ThreadUse, _ w: inout JSONWriter) {
        w.key("thread")
        w.object { w in
            w.field("id", t.id)
            w.field("message", t.message)
            w.field("follow_up_of", t.followUpOf)
            w.key("carried")
            w.array { w in for e in t.carried { entity(e, &w) } }
        }
    }

    package static func error(id: JSONWriter.Value, record: Int, message: String) -> String {
        JSONWriter.encode(.object([("id", id), ("record", .int(record)), ("error", .string(message))]))
    }

    /// `reported`: confident (in `intents`) or a guess (in `guesses`).
    static func intent(_ i: DetectedIntent, reported: Bool, _ w: inout JSONWriter) {
        w.object { w in
            w.field("intent", i.intent)
            w.field("confidence", i.confidence)
            w.field("reported", reported)
            w.key("evidence")
            w.array { w in
                for e in i.evidence {
                    w.object { w in
                        w.field("detector", e.detector)
                        w.field("match", e.detail)
                        w.field("weight", e.weight)
                    }
                }
            }
        }
    }

    /// Attributes have an object of their own: as keys beside `kind` and
    /// `value` (protocol 1) an attribute named `value` wrote a duplicate key.
    static func entity(_ e: Entity, _ w: inout JSONWriter) {
        w.object { w in
            w.field("kind", e.kind.rawValue)
            w.field("value", e.displayValue)
            w.key("attributes")
            w.object { w in
                for (k, v) in e.attributes.sorted(by: { $0.key < $1.key }) {
                    w.key(k)
                    w.string(v)
                }
            }
        }
    }

    static func draft(_ d: Draft, explain: Bool, _ w: inout JSONWriter) {
        w.object { w in
            w.field("rank", d.rank)
            w.field("snippet", d.snippet)
            w.field("intent", d.intent)
            w.field("kind", d.kind.rawValue)
            w.field("score", d.score)
            w.field("text", d.text)
            w.field("complete", d.complete)
            w.field("missing", strings: d.missing)
            w.key("warnings")
            w.array { w in
                for warning in d.warnings {
                    w.object { w in
                        w.field("code", warning.code)
                        w.field("message", warning.message)
                    }
                }
            }
            if explain { w.field("why", strings: d.explanation) }
        }
    }
}
