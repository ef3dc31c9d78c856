/// An intent kefu believes the buyer has, with how sure it is and why.
public struct DetectedIntent: Sendable, Hashable {
    public var intent: String
    /// Calibrated confidence, 0...1; an intent is reported when it reaches
    /// `Engine.Options.threshold`.
    public var confidence: Double
    public var evidence: [Evidence]

    public init(intent: String, confidence: Double, evidence: [Evidence]) {
        self.intent = intent
        self.confidence = confidence
        self.evidence = evidence
    }
}

/// One ready-to-send reply.
public struct Draft: Sendable, Hashable {
    public var rank: Int
    public var snippet: String
    /// The intent it answers (`nil` for fallback and on-demand drafts).
    public var intent: String?
    public var kind: SnippetKind
    public var score: Double
    public var language: Language
    public var text: String
    /// Variables the draft needs that nobody knows: shown as `⟨name⟩`.
    public var missing: [String]
    public var complete: Bool { missing.isEmpty }
    /// Why it was offered and placed here.
    public var explanation: [String]
    /// Where the snippet was written.
    public var source: SourceLocation
    /// What draft checks found in it (shown before it is copied).
    public var warnings: [DraftWarning] = []

    public init(
        rank: Int, snippet: String, intent: String?, kind: SnippetKind, score: Double, language: Language, text: String,
        missing: [String], explanation: [String], source: SourceLocation, warnings: [DraftWarning] = []
    ) {
        self.rank = rank
        self.snippet = snippet
        self.intent = intent
        self.kind = kind
        self.score = score
        self.language = language
        self.text = text
        self.missing = missing
        self.explanation = explanation
        self.source = source
        self.warnings = warnings
    }
}

/// Everything the engine says about one message.
public struct Suggestion: Sendable {
    /// The language drafts are written in (detected, or forced).
    public var language: Language
    /// The language the buyer wrote in.
    public var detectedLanguage: Language
    /// Confident intents, best first. Empty when nothing is confident.
    public var intents: [DetectedIntent]
    /// Every intent with any signal, best first, including unconfident ones.
    public var candidates: [DetectedIntent]
    public var entities: [Entity]
    public var tone: ToneReading
    public var drafts: [Draft]
    /// True when no intent was confident and generic drafts are offered instead.
    public var usedFallback: Bool
    /// Plausible but unconfident intents whose drafts are offered as a guess
    /// when no intent is confident (`hedged`). Empty otherwise.
    public var guesses: [DetectedIntent] = []
    /// True when the drafts answer `guesses`, not confident intents: the
    /// front ends mark them as a guess.
    public var hedged: Bool { !guesses.isEmpty }
    /// Plugins that could not contribute to this suggestion.
    public var pluginsSkipped: [SkippedPlugin] = []
    /// What the thread gave this answer (earlier values, a follow-up's
    /// intent); nil when the request had no thread.
    public var thread: ThreadUse?
}
