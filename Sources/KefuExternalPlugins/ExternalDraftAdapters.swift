import KefuCore

/// All external plugins with `draft`, as one draft provider of the engine:
/// their drafts are ranked with the packs' drafts by `DraftStage`, like any
/// code plugin's.
package struct ExternalDraftProvider: DraftProvider {
    package let id = "external"
    let host: ExternalPluginHost

    package init(host: ExternalPluginHost) { self.host = host }

    package func contribute(_ context: DraftContext) -> DraftContribution {
        let r = host.drafts(
            context.text, language: context.language, intents: context.intents, entities: context.entities,
            variables: context.values, tone: context.tone)
        SkippedPluginLog.current?.record(r.skipped)
        let drafts: [ProvidedDraft] = r.drafts.compactMap { d in
            guard let body = Self.text(d.texts, for: context.language) else { return nil }
            // The first intent it answers that the answer is about; none
            // for a generic draft (offered only with generic answers).
            let intent = d.intents.isEmpty ? nil : (context.intents.first { d.intents.contains($0.intent) }?.intent ?? d.intents[0])
            return ProvidedDraft(
                id: d.id, intent: intent, kind: d.kind, priority: d.priority, text: body,
                explanation: ["external plugin \(d.plugin)"], plugin: d.plugin)
        }
        return DraftContribution(drafts: drafts)
    }

    /// The plugin's text for `language`: its own, or Simplified converted
    /// for a Traditional reader, or (as a last resort) any it gave.
    static func text(_ texts: [Language: String], for language: Language) -> String? {
        if let t = texts[language] { return t }
        if language == .traditionalChinese, let s = texts[.simplifiedChinese] {
            return ChineseConverter.shared.convert(s, .toTraditional)
        }
        if language == .simplifiedChinese, let t = texts[.traditionalChinese] {
            return ChineseConverter.shared.convert(t, .toSimplified)
        }
        return texts.sorted { $0.key < $1.key }.first?.value
    }
}

/// All external plugins with `check`, as one draft check: the drafts shown
/// go to every plugin in one request.
package struct ExternalDraftCheck: DraftCheck {
    package let id = "external"
    let host: ExternalPluginHost

    package init(host: ExternalPluginHost) { self.host = host }

    package func check(_ draft: Draft, message: NormalizedText) -> DraftVerdict {
        check([draft], message: message).first ?? .pass
    }

    package func check(_ drafts: [Draft], message: NormalizedText) -> [DraftVerdict] {
        let r = host.check(
            drafts.map { .init(snippet: $0.snippet, intent: $0.intent, kind: $0.kind.rawValue, language: $0.language, text: $0.text) },
            message: message)
        SkippedPluginLog.current?.record(r.skipped)
        guard r.results.count == drafts.count else { return drafts.map { _ in .pass } }
        return r.results.map { DraftVerdict(warnings: $0.warnings, block: $0.block) }
    }
}

/// What external plugins add to an engine: a detector, an extractor, a
/// draft provider and a draft check, each over every plugin of the host
/// that declared that capability.
public struct ExternalPluginParts: Sendable {
    /// The running plugins the parts talk to.
    public let host: ExternalPluginHost

    /// The parts of a started host.
    public init(host: ExternalPluginHost) { self.host = host }

    /// A detector over every plugin that detects intents (none when the host has no plugins).
    public var detectorFactories: [any IntentDetectorFactory] { host.plugins.isEmpty ? [] : [ExternalDetectorFactory(host: host)] }
    /// An extractor over every plugin that extracts values.
    public var extractors: [any EntityExtractor] { host.plugins.isEmpty ? [] : [ExternalEntityExtractor(host: host)] }
    /// A provider over every plugin that writes drafts.
    public var providers: [any DraftProvider] { host.plugins.isEmpty ? [] : [ExternalDraftProvider(host: host)] }
    /// A check over every plugin that checks drafts.
    public var checks: [any DraftCheck] { host.plugins.isEmpty ? [] : [ExternalDraftCheck(host: host)] }
}
