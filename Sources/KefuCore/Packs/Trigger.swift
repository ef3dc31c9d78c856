/// A phrase that signals (or, as a counter-trigger, cancels) an intent.
package struct Trigger: Sendable, Hashable {
    package var phrase: String
    package var weight: Double
    package var location: SourceLocation
}

/// A regular expression that signals an intent, with the literal run kefu
/// indexes it by.
package struct PatternTrigger: Sendable, Hashable {
    package var pattern: String
    package var anchor: String
    package var location: SourceLocation
}
