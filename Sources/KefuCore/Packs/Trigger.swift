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
