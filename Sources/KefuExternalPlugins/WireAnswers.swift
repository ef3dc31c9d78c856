import Foundation
import KefuCore

/// Decoding of what plugins write back. Everything here is untrusted, like
/// buyer text: strings lose their control sequences, ids must look like ids,
/// scores are clamped, and nothing is ever treated as template syntax or
/// handed to a shell.
enum WireAnswers {
    /// The part of every answer the supervisor checks before anything else.
    struct Envelope: Decodable {
        var type: String?
        var id: Int?
        var error: String?
    }

    struct Hello: Decodable {
        var type: String
        var `protocol`: Int
        var id: String
        var version: String?
        var description: String?
        var capabilities: [String]
        var intents: [Intent]?
        var examples: [Example]?
        var config_keys: [String]?

        struct Intent: Decodable { var id: String; var description: String? }
        struct Example: Decodable {
            var text: String?
            var intents: [String]?
            var not: [String]?
            var draft: String?
            var check: String?
            var warning: String?
            var block: Bool?
        }
    }

    struct Detect: Decodable {
        var signals: [Signal]?
        var tone: Tone?
        struct Signal: Decodable { var intent: String; var score: Double; var evidence: String?; var veto: Bool? }
        struct Tone: Decodable { var anger: Double?; var urgency: Double?; var cues: [String]? }
    }

    struct Extract: Decodable {
        var entities: [EntityAnswer]?
        struct EntityAnswer: Decodable { var kind: String; var value: String; var attributes: [String: String]? }
    }

    struct Drafts: Decodable {
        var drafts: [DraftAnswer]?
        struct DraftAnswer: Decodable {
            var id: String
            var intent: String?
            var intents: [String]?
            var kind: String?
            var priority: Int?
            var text: [String: String]
        }
    }

    struct Checks: Decodable {
        var checks: [Check]?
        struct Check: Decodable { var warnings: [Warning]?; var block: Bool? }
        struct Warning: Decodable { var code: String?; var message: String }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ line: [UInt8]) -> T? {
        try? JSONDecoder().decode(T.self, from: Data(line))
    }

    /// Ids of plugins, intents, snippets, warnings, settings and entity
    /// attributes: the packs' rule (`Identifier`). Anything else is dropped,
    /// not repaired.
    static func isIdentifier(_ s: String) -> Bool { Identifier.isValid(s) }

    /// Untrusted text bound for a terminal or a draft: control sequences out,
    /// length bounded.
    static func clean(_ s: String, limit: Int = 4000) -> String {
        let stripped = ControlSequences.strip(s)
        return stripped.count > limit ? String(stripped.prefix(limit)) + "…" : stripped
    }

    static func score(_ x: Double) -> Double? { x.isFinite ? min(1, max(0, x)) : nil }

    static func declaration(_ h: Hello) -> ExternalPluginDeclaration? {
        guard h.type == "hello", isIdentifier(h.id) else { return nil }
        return ExternalPluginDeclaration(
            id: h.id,
            version: clean(h.version ?? "0", limit: 40),
            description: clean(h.description ?? "", limit: 200),
            capabilities: Set(h.capabilities.compactMap(ExternalCapability.init(rawValue:))),
            intents: (h.intents ?? []).filter { isIdentifier($0.id) }.map {
                .init(id: $0.id, description: clean($0.description ?? "", limit: 200))
            },
            examples: (h.examples ?? []).prefix(200).compactMap { e in
                guard e.text != nil || e.check != nil else { return nil }
                return .init(
                    text: e.text.map { clean($0) }, intents: (e.intents ?? []).filter(isIdentifier),
                    notIntents: (e.not ?? []).filter(isIdentifier),
                    draft: e.draft.flatMap { isIdentifier($0) ? $0 : nil },
                    checkText: e.check.map { clean($0) },
                    warning: e.warning.flatMap { isIdentifier($0) ? $0 : nil }, block: e.block)
            },
            configKeys: (h.config_keys ?? []).filter(isIdentifier))
    }

    static func detectorReport(_ d: Detect, plugin: String) -> DetectorReport {
        let signals = (d.signals ?? []).prefix(64).compactMap { s -> IntentSignal? in
            guard isIdentifier(s.intent), let score = score(s.score) else { return nil }
            let seen = clean(s.evidence ?? "", limit: 200)
            return IntentSignal(
                intent: s.intent, score: score, isVeto: s.veto ?? false,
                evidence: [Evidence(detector: plugin, detail: seen.isEmpty ? "external plugin" : seen, weight: score)])
        }
        let tone = d.tone.map { t in
            ToneReading(
                anger: score(t.anger ?? 0) ?? 0, urgency: score(t.urgency ?? 0) ?? 0,
                cues: (t.cues ?? []).prefix(8).map { clean($0, limit: 40) })
        }
        return DetectorReport(signals: Array(signals), tone: tone)
    }

    static func entities(_ e: Extract) -> [Entity] {
        (e.entities ?? []).prefix(64).compactMap { a in
            guard let kind = EntityKind(rawValue: a.kind) else { return nil }
            let value = clean(a.value, limit: 200)
            guard !value.isEmpty else { return nil }
            var attributes: [String: String] = [:]
            for (k, v) in (a.attributes ?? [:]) where isIdentifier(k) { attributes[k] = clean(v, limit: 200) }
            return Entity(kind: kind, value: value, attributes: attributes)
        }
    }

    static func drafts(_ d: Drafts, plugin: String) -> [ExternalDraft] {
        (d.drafts ?? []).prefix(16).compactMap { a in
            guard isIdentifier(a.id) else { return nil }
            var texts: [Language: String] = [:]
            for (tag, text) in a.text {
                guard let language = Language(tag: tag) else { continue }
                let t = clean(text)
                if !t.isEmpty { texts[language] = t }
            }
            guard !texts.isEmpty else { return nil }
            let intents = ((a.intents ?? []) + (a.intent.map { [$0] } ?? [])).filter(isIdentifier)
            return ExternalDraft(
                id: a.id, plugin: plugin, intents: intents,
                kind: a.kind.flatMap(SnippetKind.init(rawValue:)) ?? .answer,
                priority: min(100, max(0, a.priority ?? 50)), texts: texts)
        }
    }

    static func checks(_ c: Checks, count: Int) -> [DraftCheckResult] {
        let given = c.checks ?? []
        return (0..<count).map { i in
            guard i < given.count else { return DraftCheckResult(warnings: [], block: false) }
            let warnings = (given[i].warnings ?? []).prefix(16).map {
                DraftWarning(code: $0.code.flatMap { isIdentifier($0) ? $0 : nil } ?? "warning", message: clean($0.message, limit: 300))
            }
            return DraftCheckResult(warnings: Array(warnings), block: given[i].block ?? false)
        }
    }
}

/// A draft written by an external plugin, in one or more languages.
package struct ExternalDraft: Sendable, Hashable {
    package var id: String
    package var plugin: String
    package var intents: [String]
    package var kind: SnippetKind
    package var priority: Int
    package var texts: [Language: String]
}

/// A check's verdict on one draft.
package struct DraftCheckResult: Sendable, Hashable {
    package var warnings: [DraftWarning]
    package var block: Bool
}
