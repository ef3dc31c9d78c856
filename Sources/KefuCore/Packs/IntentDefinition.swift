/// A buyer message written into a pack as an example or counter-example.
public struct ExampleMessage: Sendable, Hashable {
    package var text: String
    package var language: Language
    package var location: SourceLocation
    /// `{text: ..., weight: 0.6}`: an example below 1 is a neighbour whose
    /// similarity counts at that fraction, and is not trained into the
    /// linear model. The learned pack writes its unconfirmed examples so
    /// (docs/architecture.md, *Learning*): one click is weaker evidence
    /// than an example a person wrote.
    package var weight: Double = 1

    package init(text: String, language: Language, location: SourceLocation, weight: Double = 1) {
        self.text = text
        self.language = language
        self.location = location
        self.weight = weight
    }

    /// Counts fully: trained into the model as well as a neighbour.
    package var isFullWeight: Bool { weight >= 1 }
}

/// The reserved intent id whose examples teach the classifier what is no intent.
package let otherIntentID = "other"

/// One intent as the packs declare it: its triggers, patterns and example messages, merged across packs.
public struct IntentDefinition: Sendable {
    package var id: String
    package var description: String
    /// Adds to an earlier intent of the same id instead of replacing it.
    package var extends: Bool
    /// Reported only when no other intent is confident: "在吗 快递到哪了" is a
    /// logistics question, not a greeting.
    package var secondary: Bool
    package var triggers: [Trigger]
    package var patterns: [PatternTrigger]
    package var counterTriggers: [Trigger]
    /// Buyer messages that mean this intent (the classifiers learn from them).
    public var examples: [ExampleMessage]
    package var counterExamples: [ExampleMessage]
    package var location: SourceLocation
    package var pack: String
}
