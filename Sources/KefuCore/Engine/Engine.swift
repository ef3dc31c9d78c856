/// The pipeline every front end shares: normalise → detect → extract → rank →
/// render. Built once per loaded library (start-up and each reload); `suggest`
/// is safe to call from any thread.
public final class Engine: Sendable {
    /// How the engine turns confidences into an answer: the thresholds, the detectors turned off, where trained models are cached.
    public struct Options: Sendable {
        /// Intents at or above this confidence are reported and answered.
        public var threshold: Double = 0.5
        /// Intents below this are not even candidates (top-3 lists, `why`).
        public var candidateFloor: Double = 0.05
        /// With no confident intent, candidates at or above this are offered
        /// as a marked guess (hedged answer) instead of generic drafts...
        public var guessFloor: Double = 0.2
        /// ...unless the message is this likely to be no shop intent at all.
        public var guessOtherCeiling: Double = 0.6
        /// A candidate this close to the first intent (its confidence over
        /// the first's) gets one of the first three drafts.
        public var runnerUpRatio: Double = 0.3
        /// Core detectors left out (`phrases`, `classifier`, `model`):
        /// `kefu eval --without` measures what each one brings.
        public var disabledDetectors: Set<CoreDetector> = []
        /// Where trained models are cached (`nil`: train every time).
        public var modelCache: String? = LinearModelStore.defaultCacheDirectory()
        /// The defaults: what kefu runs with when config.yaml says nothing.
        public init() {}
    }

    /// The packs this engine answers from.
    public let library: SnippetLibrary
    package let options: Options
    /// How messages (and examples) are normalised before detection.
    public let normalizer: TextNormalizer
    private let detectors: [any IntentDetector]
    private let extractors: [any EntityExtractor]
    private let providers: [any DraftProvider]
    private let stage: DraftStage

    /// - Parameters:
    ///   - detectorFactories: detectors beyond the built-in phrase matcher,
    ///     classifier and linear model (code plugins such as Tone, external
    ///     plugins), rebuilt with each library.
    ///   - extractors: entity extractors beyond the built-in one.
    ///   - providers: code and external plugins' draft providers (drafts
    ///     ranked with the packs' by `DraftStage`).
    ///   - checks: code and external plugins' draft checks (warn or block
    ///     each draft shown).
    public init(
        library: SnippetLibrary, detectorFactories: [any IntentDetectorFactory] = [],
        extractors: [any EntityExtractor] = [], providers: [any DraftProvider] = [], checks: [any DraftCheck] = [],
        options: Options = Options(), normalizer: TextNormalizer = TextNormalizer()
    ) {
        self.library = library
        self.options = options
        self.normalizer = normalizer
        // The core detectors build from the same library independently; the
        // statistical ones on threads of their own: the first message waits
        // for them, the first prompt does not.
        let cache = options.modelCache
        let off = options.disabledDetectors
        var detectors: [any IntentDetector] = []
        if !off.contains(.phrases) { detectors.append(PhraseDetector(library: library, normalizer: normalizer)) }
        if !off.contains(.classifier) {
            detectors.append(
                PendingDetector(id: CoreDetector.classifier.rawValue) { ExampleClassifier(library: library, normalizer: normalizer) })
        }
        if !off.contains(.model) {
            detectors.append(
                PendingDetector(id: CoreDetector.model.rawValue) {
                    LinearModelDetector(library: library, normalizer: normalizer, cacheDirectory: cache)
                })
        }
        detectors += detectorFactories.map { $0.makeDetector(library: library, normalizer: normalizer) }
        self.detectors = detectors
        self.extractors = [BuiltinEntityExtractor()] + extractors
        self.providers = providers
        self.stage = DraftStage(library: library, checks: checks, normalizer: normalizer)
        ChineseConverter.shared.openInBackground()
    }

    /// What detection and extraction found in one message.
    package typealias Analysis = (
        text: NormalizedText, intents: [DetectedIntent], candidates: [DetectedIntent], guesses: [DetectedIntent], tone: ToneReading,
        entities: [Entity]
    )

    /// Detection and extraction only: what `kefu test` and `kefu eval` need.
    package func analyse(_ raw: String, heldOutExample: ExampleKey? = nil) -> Analysis {
        let text = normalizer.normalize(raw)
        let input = DetectionInput(text: text, heldOutExample: heldOutExample)
        let reports = text.isEmpty ? [] : detectors.map { $0.detect(input) }
        var tone = ToneReading.calm
        for r in reports { if let t = r.tone { tone = t } }
        let combined = ConfidenceCombiner.combine(reports)
        let candidates = combined.intents.filter {
            $0.confidence >= options.candidateFloor && library.intents[$0.intent] != nil
        }
        var intents = candidates.filter { $0.confidence >= options.threshold }
        if intents.contains(where: { library.intents[$0.intent]?.secondary == false }) {
            intents.removeAll { library.intents[$0.intent]?.secondary == true }
        }
        var guesses: [DetectedIntent] = []
        if intents.isEmpty, combined.noIntent < options.guessOtherCeiling {
            guesses = Array(
                candidates.filter { $0.confidence >= options.guessFloor && library.intents[$0.intent]?.secondary == false }.prefix(2))
        }
        let entities = extractors.flatMap { $0.extract(from: text) }
        return (text, intents, candidates, guesses, tone, entities)
    }

    /// Drafts for one message: the whole pipeline. Detection and extraction
    /// (`analyse`), values from configuration, session, message and record,
    /// code and external plugins' drafts, then `DraftStage` ranks, renders
    /// and checks the drafts shown. With no confident intent, plausible
    /// candidates are answered as a marked guess (`Suggestion.hedged`);
    /// with nothing plausible, generic drafts (`usedFallback`). Plugins that
    /// could not contribute are listed in `pluginsSkipped`. Safe to call
    /// from any thread.
    public func suggest(_ raw: String, _ request: SuggestionRequest = SuggestionRequest()) -> Suggestion {
        let log = SkippedPluginLog()
        var s = SkippedPluginLog.$current.withValue(log) { suggestLogged(raw, request) }
        s.pluginsSkipped = log.skipped
        return s
    }

    private func suggestLogged(_ raw: String, _ request: SuggestionRequest) -> Suggestion {
        let a = analyse(raw, heldOutExample: request.heldOutExample)
        let language = request.language ?? a.text.language
        var values = Self.values(request: request, entities: a.entities, language: language)
        let followUp = request.snippet == nil ? followUpIntent(a, thread: request.thread) : nil
        let guesses = request.snippet == nil ? (followUp.map { [$0] } ?? a.guesses) : []
        let answered = request.snippet != nil ? [] : (a.intents.isEmpty ? guesses : a.intents)
        var provided: [ProvidedDraft] = []
        if !providers.isEmpty && request.snippet == nil && !a.text.isEmpty {
            var context = DraftContext(
                text: a.text, language: language, intents: answered, entities: a.entities, values: values, tone: a.tone,
                hedged: a.intents.isEmpty && !guesses.isEmpty, generic: answered.isEmpty)
            for p in providers {
                let c = p.contribute(context)
                if c.isEmpty { continue }
                provided += c.drafts
                // A later provider sees what earlier ones gave (the shop
                // facts' dispatch cut-off reaches the logistics promise).
                for (k, v) in c.variables where (values[k] ?? "").isEmpty { values[k] = v }
                context.values = values
            }
        }
        // A close second reading gets one of the first three drafts. A
        // follow-up's drafts all come from the thread's intent: the
        // message's own weak readings are what made it a follow-up.
        let top = followUp == nil ? answered.first : nil
        let runnerUp = top.flatMap { top in
            a.candidates.first { c in
                !answered.contains { $0.intent == c.intent } && c.confidence >= options.guessFloor
                    && c.confidence >= top.confidence * options.runnerUpRatio && library.intents[c.intent]?.secondary == false
            }
        }
        let drafts = stage.drafts(
            DraftStage.Request(
                answered: answered, runnerUp: runnerUp, snippet: request.snippet, language: language, values: values, tone: a.tone,
                message: a.text, provided: provided, limit: request.maxDrafts, explain: request.explain, picks: request.picks))
        var s = Suggestion(
            language: language, detectedLanguage: a.text.language, intents: a.intents,
            candidates: a.candidates, entities: a.entities, tone: a.tone, drafts: drafts,
            usedFallback: request.snippet == nil && answered.isEmpty, guesses: a.intents.isEmpty ? guesses : [])
        if let thread = request.thread {
            s.thread = ThreadUse(
                id: thread.id, message: thread.message,
                carried: DraftValues.carried(request: request, entities: a.entities, language: language),
                followUpOf: followUp?.intent)
        }
        return s
    }

    /// A follow-up ("还没好吗", "怎么样了", "then?"): a message of a thread
    /// with no intent of its own — none reaches the threshold. It is
    /// answered from the thread's last intent alone, as a guess (the agent
    /// reads it before copying; `?` still shows the message's own weak
    /// readings), at the message's own confidence for that intent lifted
    /// to the guess floor. The
    /// no-intent reading that keeps small talk generic is not asked: short
    /// vague lines ("怎么样了", "what now") read as no shop intent on
    /// their own, and are exactly the follow-ups a thread explains. A
    /// message with a confident intent of its own is answered on its own.
    func followUpIntent(_ a: Analysis, thread: ThreadContext?) -> DetectedIntent? {
        guard let lean = thread?.lastIntent, a.intents.isEmpty, !a.text.isEmpty, Conversation.leads(library.intents[lean]) else {
            return nil
        }
        let own = a.candidates.first { $0.intent == lean }
        let confidence = max(own?.confidence ?? 0, options.guessFloor)
        let evidence = [Evidence(detector: "thread", detail: "follow-up of \(lean)", weight: confidence)] + (own?.evidence ?? [])
        return DetectedIntent(intent: lean, confidence: confidence, evidence: evidence)
    }

    /// The values a draft in `language` is rendered with (`DraftValues`):
    /// configuration and session, then the message, then the record, each
    /// in the draft's language.
    package static func values(request: SuggestionRequest, entities: [Entity], language: Language) -> [String: String] {
        DraftValues.assemble(request: request, entities: entities, language: language)
    }
}
