/// Where a pack came from. Later layers override earlier ones by id.
public enum PackLayer: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// `learned`: the examples kefu learned from the agent's copies
    /// (`$XDG_STATE_HOME/kefu/learned/`), loaded last so that they can
    /// extend an intent of any other layer.
    case builtin, project, user, commandLine, learned

    public static func < (a: PackLayer, b: PackLayer) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .builtin: "built-in"
        case .project: "project"
        case .user: "user"
        case .commandLine: "--snippets"
        case .learned: "learned"
        }
    }
}

/// A snippet pack as written in one YAML file (docs/snippet-packs.md).
public struct Pack: Sendable {
    public struct Info: Sendable {
        public var id: String
        public var name: String
        public var version: String
        public var description: String
        public var languages: [Language]
        /// File path, or `builtin:NAME.yaml` for packs embedded in the binary.
        public var source: String
        public var layer: PackLayer
    }

    public var info: Info
    public var variables: [String]
    public var partials: [String: LocalizedTemplates]
    public var intents: [IntentDefinition]
    public var snippets: [SnippetDefinition]
}

/// Texts of one template per language.
public typealias LocalizedTemplates = [Language: Template]

/// A phrase that signals (or, as a counter-trigger, cancels) an intent.
public struct Trigger: Sendable, Hashable {
    public var phrase: String
    public var weight: Double
    public var location: SourceLocation
}

/// A regular expression that signals an intent, with the literal run kefu
/// indexes it by.
public struct PatternTrigger: Sendable, Hashable {
    public var pattern: String
    public var anchor: String
    public var location: SourceLocation
}

/// A buyer message written into a pack as an example or counter-example.
public struct ExampleMessage: Sendable, Hashable {
    public var text: String
    public var language: Language
    public var location: SourceLocation
    /// `{text: ..., weight: 0.6}`: an example below 1 is a neighbour whose
    /// similarity counts at that fraction, and is not trained into the
    /// linear model. The learned pack writes its unconfirmed examples so
    /// (docs/architecture.md, *Learning*): one click is weaker evidence
    /// than an example a person wrote.
    public var weight: Double = 1

    public init(text: String, language: Language, location: SourceLocation, weight: Double = 1) {
        self.text = text
        self.language = language
        self.location = location
        self.weight = weight
    }

    /// Counts fully: trained into the model as well as a neighbour.
    public var isFullWeight: Bool { weight >= 1 }
}

/// The reserved intent id whose examples teach the classifier what is no intent.
public let otherIntentID = "other"

public struct IntentDefinition: Sendable {
    public var id: String
    public var description: String
    /// Adds to an earlier intent of the same id instead of replacing it.
    public var extends: Bool
    /// Reported only when no other intent is confident: "在吗 快递到哪了" is a
    /// logistics question, not a greeting.
    public var secondary: Bool
    public var triggers: [Trigger]
    public var patterns: [PatternTrigger]
    public var counterTriggers: [Trigger]
    public var examples: [ExampleMessage]
    public var counterExamples: [ExampleMessage]
    public var location: SourceLocation
    public var pack: String
}

/// What a draft is, for ranking and display.
public enum SnippetKind: String, Sendable, CaseIterable, Codable {
    case greeting, apology, answer, logistics, refund, upsell, promo, reminder, escalation, invoice, closing, generic
}

/// Conditions under which a snippet is offered; all must hold.
public struct SnippetConditions: Sendable, Hashable {
    public var has: [String] = []
    public var lacks: [String] = []
    public var upset: Bool? = nil
    public var equals: [String: String] = [:]

    public var isEmpty: Bool { has.isEmpty && lacks.isEmpty && upset == nil && equals.isEmpty }

    /// How many conditions this snippet states about the situation: a draft
    /// written for a more specific situation ranks above a general one when
    /// both apply. `lacks` is a guard (the draft does not fit once a value is
    /// known), not a situation, so it does not count: otherwise "let me check
    /// the refund status" (lacks refund_done) outranked the return steps for
    /// "I want to return this".
    public var specificity: Int { has.count + (upset == nil ? 0 : 1) + equals.count }
}

public struct SnippetDefinition: Sendable {
    public var id: String
    public var intents: [String]
    public var kind: SnippetKind
    public var priority: Int
    public var conditions: SnippetConditions
    public var fallback: Bool
    public var onDemand: Bool
    public var texts: LocalizedTemplates
    public var location: SourceLocation
    public var pack: String
    /// The facts the snippet states (`asserts:`), which `TruthAudit` holds to
    /// their sources.
    public var asserts: [Assertion] = []
    /// Where `asserts:` is written, for reporting an unbacked assertion.
    public var assertsLocation: SourceLocation? = nil
    /// Where each language's text starts in the file.
    public var textOrigins: [Language: TextOrigin] = [:]
    /// What the draft is about within its intents (`about:`): phrases of any
    /// language. A message that mentions one puts the draft first among its
    /// intent's drafts; a message that mentions none puts it after the
    /// intent's general drafts (the size question goes to the size chart
    /// draft, "is it vegetarian" does not).
    public var about: [String] = []
}
