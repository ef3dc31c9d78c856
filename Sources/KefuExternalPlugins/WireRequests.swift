import KefuCore

/// The JSON Lines kefu writes to a plugin: one object per line, UTF-8, no
/// embedded newlines (JSON escapes them). Documented in
/// docs/plugin-protocol.md, "External plugins".
enum WireRequests {
    static let protocolVersion = 1

    static func hello(kefuVersion: String, config: [String: String]) -> String {
        JSONWriter.encode(
            .object([
                ("type", .string("hello")),
                ("protocol", .int(protocolVersion)),
                ("kefu", .string(kefuVersion)),
                ("languages", .array(Language.allCases.map { .string($0.rawValue) })),
                ("config", .object(config.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ]))
    }

    /// The message as every request carries it.
    static func message(_ text: NormalizedText) -> JSONWriter.Value {
        .object([
            ("text", .string(text.display)),
            ("folded", .string(text.folded)),
            ("language", .string(text.language.rawValue)),
        ])
    }

    static func request(type: String, id: Int, fields: [(String, JSONWriter.Value)]) -> String {
        JSONWriter.encode(.object([("type", .string(type)), ("id", .int(id))] + fields))
    }

    static func intents(_ intents: [DetectedIntent]) -> JSONWriter.Value {
        .array(intents.map { .object([("intent", .string($0.intent)), ("confidence", .number($0.confidence))]) })
    }

    static func entities(_ entities: [Entity]) -> JSONWriter.Value {
        .array(
            entities.map { e in
                var pairs: [(String, JSONWriter.Value)] = [("kind", .string(e.kind.rawValue)), ("value", .string(e.value))]
                for (k, v) in e.attributes.sorted(by: { $0.key < $1.key }) { pairs.append((k, .string(v))) }
                return .object(pairs)
            })
    }

    static func variables(_ values: [String: String]) -> JSONWriter.Value {
        .object(values.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
    }

    static func tone(_ t: ToneReading) -> JSONWriter.Value {
        .object([
            ("upset", .bool(t.upset)), ("anger", .number(t.anger)), ("urgency", .number(t.urgency)),
            ("cues", .array(t.cues.map { .string($0) })),
        ])
    }
}
