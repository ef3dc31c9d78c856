/// Computes drafts (and variables) rather than having them written in a pack:
/// a bundle from the catalogue, a tracking link, a promised ship date.
///
/// Runs inside `Engine.suggest` after extraction and before ranking, on every
/// message, from any thread: return `.none` quickly when nothing applies, and
/// precompute at load time rather than per message.
public protocol DraftProvider: Sendable {
    var id: String { get }
    func contribute(_ context: DraftContext) -> DraftContribution
}

/// What a provider sees of a message.
public struct DraftContext: Sendable {
    /// The message, normalised.
    public var text: NormalizedText
    /// The language drafts are written in (detected or forced).
    public var language: Language
    /// The intents the drafts answer: the confident ones, or the guesses
    /// of a hedged answer (`hedged`).
    public var intents: [DetectedIntent]
    /// True when `intents` are guesses: a provider may offer drafts for
    /// them (they are marked as a guess) or hold back ones that state facts.
    public var hedged: Bool
    /// True when nothing is plausible and generic drafts are offered: a
    /// provider's drafts without an intent are ranked among them.
    public var generic: Bool
    /// Values found in the message (order number, phone...).
    public var entities: [Entity]
    /// Configuration, session, extracted and record values, as templates see them.
    public var values: [String: String]
    /// How the buyer sounds (angry, urgent...).
    public var tone: ToneReading

    /// A context as the engine builds it for each message.
    public init(
        text: NormalizedText, language: Language, intents: [DetectedIntent], entities: [Entity], values: [String: String],
        tone: ToneReading,
        hedged: Bool = false, generic: Bool = false
    ) {
        self.text = text
        self.language = language
        self.intents = intents
        self.hedged = hedged
        self.generic = generic
        self.entities = entities
        self.values = values
        self.tone = tone
    }

    /// The confidence of `intent` when it was detected.
    public func confidence(of intent: String) -> Double? {
        intents.first { $0.intent == intent }?.confidence
    }
}

/// A provider's answer for one message.
public struct DraftContribution: Sendable {
    /// Ranked with the packs' drafts.
    public var drafts: [ProvidedDraft]
    /// Values pack templates may use (`ship_date`); never override a value
    /// that configuration, the session or the message already gave.
    public var variables: [String: String]

    /// A contribution of these drafts and values.
    public init(drafts: [ProvidedDraft] = [], variables: [String: String] = [:]) {
        self.drafts = drafts
        self.variables = variables
    }

    /// Nothing for this message.
    public static let none = DraftContribution()
    /// True when the provider adds neither drafts nor values.
    public var isEmpty: Bool { drafts.isEmpty && variables.isEmpty }
}

/// A computed draft, already written in the context's language.
public struct ProvidedDraft: Sendable, Hashable {
    /// `plugin.name`, shown where a pack draft shows its snippet id.
    public var id: String
    /// The detected intent it answers; ranked by that intent's confidence.
    /// `nil`: a generic draft, offered only when nothing is plausible.
    public var intent: String?
    /// Reply, apology, upsell...: how the ranker weighs the draft.
    public var kind: SnippetKind
    /// 0...100, like a pack snippet's priority.
    public var priority: Int
    /// The draft's template text; `{{name}}` placeholders are filled like a pack snippet's.
    public var text: String
    /// Why it was offered (shown by `why` / `--explain`).
    public var explanation: [String]
    /// The plugin that wrote it, shown as the draft's source
    /// (`plugin:<id>`); by default the part of `id` before the first dot.
    public var plugin: String

    /// A draft; `plugin` defaults to the providing plugin's id.
    public init(id: String, intent: String?, kind: SnippetKind, priority: Int, text: String, explanation: [String], plugin: String? = nil) {
        self.id = id
        self.intent = intent
        self.kind = kind
        self.priority = priority
        self.text = text
        self.explanation = explanation
        self.plugin = plugin ?? id.split(separator: ".").first.map(String.init) ?? id
    }
}
