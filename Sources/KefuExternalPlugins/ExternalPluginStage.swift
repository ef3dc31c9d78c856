import KefuCore

/// What external plugins add around one `Engine.suggest`: their detectors
/// and extractors run inside the engine (registered through
/// `ExternalDetectorFactory` and `ExternalEntityExtractor`); their drafts
/// are ranked in with the packs' drafts afterwards, then every draft shown
/// goes past their checks. The answer lists each plugin that could not
/// contribute (`Suggestion.pluginsSkipped`).
public struct ExternalPluginStage: Sendable {
    public let host: ExternalPluginHost

    public init(host: ExternalPluginHost) { self.host = host }

    /// The engine's plugins for this host.
    public var detectorFactories: [any IntentDetectorFactory] { host.plugins.isEmpty ? [] : [ExternalDetectorFactory(host: host)] }
    public var extractors: [any EntityExtractor] { host.plugins.isEmpty ? [] : [ExternalEntityExtractor(host: host)] }

    public func suggest(engine: Engine, _ raw: String, _ request: SuggestionRequest) -> Suggestion {
        guard !host.plugins.isEmpty else { return engine.suggest(raw, request) }
        let recorder = PluginSkipRecorder()
        return PluginSkipRecorder.$current.withValue(recorder) {
            // A few spare drafts, so that a draft a check blocks is replaced.
            var wider = request
            wider.maxDrafts = request.maxDrafts + 3
            var s = engine.suggest(raw, wider)
            // Normalised once for both requests (the engine keeps its own copy).
            let text = engine.normalizer.normalize(raw)
            if request.snippet == nil {
                addDrafts(to: &s, text: text, request: request)
            }
            check(&s, message: text)
            s.drafts = Array(s.drafts.prefix(request.maxDrafts))
            for i in s.drafts.indices { s.drafts[i].rank = i + 1 }
            s.pluginsSkipped = recorder.skipped
            return s
        }
    }

    private func addDrafts(to s: inout Suggestion, text: NormalizedText, request: SuggestionRequest) {
        guard !text.isEmpty else { return }
        // The values the packs' drafts were filled with.
        let values = Engine.values(request: request, entities: s.entities, language: s.language)
        let r = host.drafts(text, language: s.language, intents: s.intents, entities: s.entities, variables: values, tone: s.tone)
        PluginSkipRecorder.current?.record(r.skipped)
        var added: [Draft] = []
        for d in r.drafts {
            // Ranked like a pack snippet: the answered intent's confidence,
            // scaled by priority (DraftRanker's formula). A draft for an
            // intent the message does not have is not offered.
            let answered = s.intents.first { d.intents.contains($0.intent) }
            let confidence: Double
            if let answered { confidence = answered.confidence } else if d.intents.isEmpty && s.usedFallback { confidence = 0.3 } else { continue }
            guard let body = Self.text(d.texts, for: s.language) else { continue }
            let score = DraftRanker.baseScore(confidence: confidence, priority: d.priority)
            added.append(Draft(
                rank: 0, snippet: d.id, intent: answered?.intent, kind: d.kind, score: (score * 1000).rounded() / 1000,
                language: s.language, text: body, missing: [],
                explanation: ["external plugin \(d.plugin): priority \(d.priority) × confidence \(Int((confidence * 100).rounded()))%"],
                source: SourceLocation(file: "plugin:\(d.plugin)", line: 0, column: 0)))
        }
        guard !added.isEmpty else { return }
        // Best first; one draft per snippet id (two plugins, or a plugin and
        // a pack, offering the same id would show the agent the same reply twice).
        var seen: Set<String> = []
        s.drafts = (s.drafts + added).enumerated()
            .sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }
            .map(\.element)
            .filter { seen.insert($0.snippet).inserted }
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

    private func check(_ s: inout Suggestion, message: NormalizedText) {
        guard !s.drafts.isEmpty else { return }
        let shown = s.drafts
        let r = host.check(
            shown.map { .init(snippet: $0.snippet, intent: $0.intent, kind: $0.kind.rawValue, language: $0.language, text: $0.text) },
            message: message)
        PluginSkipRecorder.current?.record(r.skipped)
        guard r.results.count == shown.count else { return }
        var kept: [Draft] = []
        for (d, verdict) in zip(shown, r.results) {
            if verdict.block { continue }
            var d = d
            d.warnings += verdict.warnings
            kept.append(d)
        }
        s.drafts = kept
    }
}
