/// The JSON Lines record of one suggestion (`kefu suggest --format jsonl`).
/// Key order is part of the interface: see docs/user-guide.md.
public enum SuggestionJSON {
    public static func record(id: JSONWriter.Value, _ s: Suggestion, explain: Bool = false) -> String {
        JSONWriter.encode(.object([
            ("id", id),
            ("language", .string(s.language.rawValue)),
            ("detected_language", .string(s.detectedLanguage.rawValue)),
            ("intents", .array(s.intents.map(intent))),
            ("entities", .array(s.entities.map(entity))),
            ("tone", .object([
                ("upset", .bool(s.tone.upset)),
                ("anger", .number(s.tone.anger)),
                ("urgency", .number(s.tone.urgency)),
                ("cues", .array(s.tone.cues.map { .string($0) })),
            ])),
            ("fallback", .bool(s.usedFallback)),
            ("drafts", .array(s.drafts.map { draft($0, explain: explain) })),
            ("plugins_skipped", .array(s.pluginsSkipped.map { p in
                .object([("id", .string(p.id)), ("reason", .string(p.reason)), ("detail", .string(p.detail))])
            })),
        ]))
    }

    public static func error(id: JSONWriter.Value, record: Int, message: String) -> String {
        JSONWriter.encode(.object([("id", id), ("record", .int(record)), ("error", .string(message))]))
    }

    static func intent(_ i: DetectedIntent) -> JSONWriter.Value {
        .object([
            ("intent", .string(i.intent)),
            ("confidence", .number(i.confidence)),
            ("evidence", .array(i.evidence.map { e in
                .object([("detector", .string(e.detector)), ("match", .string(e.detail)), ("weight", .number(e.weight))])
            })),
        ])
    }

    static func entity(_ e: Entity) -> JSONWriter.Value {
        var pairs: [(String, JSONWriter.Value)] = [("kind", .string(e.kind.rawValue)), ("value", .string(e.displayValue))]
        for (k, v) in e.attributes.sorted(by: { $0.key < $1.key }) { pairs.append((k, .string(v))) }
        return .object(pairs)
    }

    static func draft(_ d: Draft, explain: Bool) -> JSONWriter.Value {
        var pairs: [(String, JSONWriter.Value)] = [
            ("rank", .int(d.rank)),
            ("snippet", .string(d.snippet)),
            ("intent", d.intent.map { .string($0) } ?? .null),
            ("kind", .string(d.kind.rawValue)),
            ("score", .number(d.score)),
            ("text", .string(d.text)),
            ("complete", .bool(d.complete)),
            ("missing", .array(d.missing.map { .string($0) })),
            ("warnings", .array(d.warnings.map { w in .object([("code", .string(w.code)), ("message", .string(w.message))]) })),
        ]
        if explain { pairs.append(("why", .array(d.explanation.map { .string($0) }))) }
        return .object(pairs)
    }
}
