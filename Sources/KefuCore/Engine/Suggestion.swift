/// An intent kefu believes the buyer has, with how sure it is and why.
public struct DetectedIntent: Sendable, Hashable {
    /// The intent's id (`logistics`, `refund_return`...).
    public var intent: String
    /// Calibrated confidence, 0...1; an intent is reported when it reaches
    /// `Engine.Options.threshold`.
    package var confidence: Double
    package var evidence: [Evidence]

    package init(intent: String, confidence: Double, evidence: [Evidence]) {
        self.intent = intent
        self.confidence = confidence
        self.evidence = evidence
    }
}

/// One ready-to-send reply.
public struct Draft: Sendable, Hashable {
    package var rank: Int
    package var snippet: String
    /// The intent it answers (`nil` for fallback and on-demand drafts).
    package var intent: String?
    package var kind: SnippetKind
    package var score: Double
    package var language: Language
    package var text: String
    /// Variables the draft needs that nobody knows: shown as `⟨name⟩`.
    package var missing: [String]
    package var complete: Bool { missing.isEmpty }
    /// Why it was offered and placed here.
    package var explanation: [String]
    /// Where the snippet was written.
    package var source: SourceLocation
    /// What draft checks found in it (shown before it is copied).
    package var warnings: [DraftWarning] = []

    package init(
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
    package var language: Language
    /// The language the buyer wrote in.
    package var detectedLanguage: Language
    /// Confident intents, best first. Empty when nothing is confident.
    public var intents: [DetectedIntent]
    /// Every intent with any signal, best first, including unconfident ones.
    package var candidates: [DetectedIntent]
    package var entities: [Entity]
    package var tone: ToneReading
    package var drafts: [Draft]
    /// True when no intent was confident and generic drafts are offered instead.
    package var usedFallback: Bool
    /// Plausible but unconfident intents whose drafts are offered as a guess
    /// when no intent is confident (`hedged`). Empty otherwise.
    package var guesses: [DetectedIntent] = []
    /// True when the drafts answer `guesses`, not confident intents: the
    /// front ends mark them as a guess.
    package var hedged: Bool { !guesses.isEmpty }
    /// Plugins that could not contribute to this suggestion.
    package var pluginsSkipped: [SkippedPlugin] = []
    /// What the thread gave this answer (earlier values, a follow-up's
    /// intent); nil when the request had no thread.
    package var thread: ThreadUse?
}
