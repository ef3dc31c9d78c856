/// The pipeline every front end shares: normalise → detect → extract → rank →
/// render. Built once per loaded library (start-up and each reload); `suggest`
/// is safe to call from any thread.
public final class Engine: Sendable {
    public struct Options: Sendable {
        /// Intents at or above this confidence are reported and answered.
        public var threshold: Double = 0.5
        /// Intents below this are not even candidates (top-3 lists, `why`).
        public var candidateFloor: Double = 0.05
        public init() {}
    }

    public let library: SnippetLibrary
    public let options: Options
    public let detectorIDs: [String]
    public let normalizer: TextNormalizer
    private let detectors: [any IntentDetector]
    private let extractors: [any EntityExtractor]
    private let providers: [any DraftProvider]
    private let checks: [any DraftCheck]
    private let ranker: DraftRanker
    private let templates: DraftTemplates
    private let snippetsByIntent: [String: [Int]]
    private let fallbacks: [Int]

    /// - Parameters:
    ///   - detectorFactories: detectors beyond the built-in phrase matcher and
    ///     classifier (code plugins such as Tone), rebuilt with each library.
    ///   - extractors: entity extractors beyond the built-in one.
    ///   - providers: code plugins' draft providers (drafts ranked with the packs').
    ///   - checks: code plugins' draft checks (warn or block each rendered draft).
    public init(
        library: SnippetLibrary, detectorFactories: [any IntentDetectorFactory] = [],
        extractors: [any EntityExtractor] = [], providers: [any DraftProvider] = [], checks: [any DraftCheck] = [],
        options: Options = Options(), normalizer: TextNormalizer = TextNormalizer()
    ) {
        self.library = library
        self.options = options
        self.normalizer = normalizer
        // The two core detectors build from the same library independently.
        let (phrases, classifier) = Concurrently.pair(
            { PhraseDetector(library: library, normalizer: normalizer) },
            { ExampleClassifier(library: library, normalizer: normalizer) })
        var detectors: [any IntentDetector] = [phrases, classifier]
        detectors += detectorFactories.map { $0.makeDetector(library: library, normalizer: normalizer) }
        self.detectors = detectors
        self.detectorIDs = detectors.map(\.id)
        self.extractors = [BuiltinEntityExtractor()] + extractors
        self.providers = providers
        self.checks = checks
        self.ranker = DraftRanker(snippets: library.snippets)
        self.templates = DraftTemplates(library: library)
        var index: [String: [Int]] = [:]
        var fallbacks: [Int] = []
        for (i, s) in library.snippets.enumerated() where !s.onDemand {
            for intent in s.intents { index[intent, default: []].append(i) }
            if s.fallback { fallbacks.append(i) }
        }
        self.snippetsByIntent = index
        self.fallbacks = fallbacks
        ChineseConverter.shared.openInBackground()
    }

    /// Detection and extraction only: what `kefu test` and `kefu eval` need.
    public func analyse(_ raw: String, heldOutExample: ExampleKey? = nil) -> (text: NormalizedText, intents: [DetectedIntent], candidates: [DetectedIntent], tone: ToneReading, entities: [Entity]) {
        let text = normalizer.normalize(raw)
        let input = DetectionInput(text: text, heldOutExample: heldOutExample)
        let reports = text.isEmpty ? [] : detectors.map { $0.detect(input) }
        var tone = ToneReading.calm
        for r in reports { if let t = r.tone { tone = t } }
        let candidates = ConfidenceCombiner.combine(reports).filter {
            $0.confidence >= options.candidateFloor && library.intents[$0.intent] != nil
        }
        var intents = candidates.filter { $0.confidence >= options.threshold }
        if intents.contains(where: { library.intents[$0.intent]?.secondary == false }) {
            intents.removeAll { library.intents[$0.intent]?.secondary == true }
        }
        let entities = extractors.flatMap { $0.extract(from: text) }
        return (text, intents, candidates, tone, entities)
    }

    public func suggest(_ raw: String, _ request: SuggestionRequest = SuggestionRequest()) -> Suggestion {
        let a = analyse(raw, heldOutExample: request.heldOutExample)
        let language = request.language ?? a.text.language
        var values = Self.values(request: request, entities: a.entities, language: language)
        var provided: [ProvidedDraft] = []
        if !providers.isEmpty && request.snippet == nil && !a.text.isEmpty {
            let context = DraftContext(text: a.text, language: language, intents: a.intents, entities: a.entities, values: values, tone: a.tone)
            for p in providers {
                let c = p.contribute(context)
                if c.isEmpty { continue }
                provided += c.drafts
                for (k, v) in c.variables where (values[k] ?? "").isEmpty { values[k] = v }
            }
        }

        var candidates: [DraftRanker.Candidate]
        var usedFallback = false
        if let id = request.snippet {
            candidates = library.snippets.indices.filter { library.snippets[$0].id == id }
                .map { DraftRanker.Candidate(snippet: $0, intent: nil, score: 1, reasons: request.explain ? ["asked for by id"] : []) }
        } else if a.intents.isEmpty {
            candidates = ranker.fallback(fallbacks, language: language, values: values, tone: a.tone, explain: request.explain)
            usedFallback = true
        } else {
            candidates = ranker.rank(
                intents: a.intents, index: snippetsByIntent, language: language, values: values, tone: a.tone,
                limit: max(0, request.maxDrafts) * 2, explain: request.explain)
        }

        // Only the drafts shown are rendered and checked; a draft a check
        // blocks is replaced by the next one.
        let limit = max(0, request.maxDrafts)
        var next = 0
        var drafts: [Draft] = []
        func render(upTo n: Int) {
            while drafts.count < n, next < candidates.count {
                let c = candidates[next]
                next += 1
                let s = library.snippets[c.snippet]
                guard let out = templates.render(s, language: language, values: values) else { continue }
                drafts.append(Draft(
                    rank: drafts.count + 1, snippet: s.id, intent: c.intent, kind: s.kind,
                    score: (c.score * 1000).rounded() / 1000, language: language, text: out.text,
                    missing: out.missing, explanation: c.reasons, source: s.location))
            }
        }
        render(upTo: limit)
        var spare: [Draft] = []
        if !provided.isEmpty {
            PluginDrafts.merge(provided, into: &drafts, intents: a.intents, language: language, explain: request.explain)
            if drafts.count > limit { spare = Array(drafts[limit...]); drafts.removeLast(drafts.count - limit) }
        }
        if !checks.isEmpty {
            var checked = 0
            while checked < drafts.count {
                let blocked = PluginDrafts.check(&drafts, from: checked, with: checks, message: a.text)
                checked = drafts.count
                guard blocked else { break }
                while drafts.count < limit, !spare.isEmpty { drafts.append(spare.removeFirst()) }
                render(upTo: limit)
            }
            PluginDrafts.renumber(&drafts)
        }
        return Suggestion(
            language: language, detectedLanguage: a.text.language, intents: a.intents,
            candidates: a.candidates, entities: a.entities, tone: a.tone, drafts: drafts,
            usedFallback: usedFallback)
    }

    /// The values a draft in `language` is rendered with (`DraftValues`):
    /// configuration and session, then the message, then the record, each
    /// in the draft's language.
    public static func values(request: SuggestionRequest, entities: [Entity], language: Language) -> [String: String] {
        DraftValues.assemble(request: request, entities: entities, language: language)
    }
}
