/// A buyer message written into a pack as an example or counter-example.
public struct ExampleMessage: Sendable, Hashable {
    public var text: String
    public var language: Language
    public var location: SourceLocation
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
