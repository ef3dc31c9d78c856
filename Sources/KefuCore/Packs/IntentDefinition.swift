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
