/// What a draft is, for ranking and display.
public enum SnippetKind: String, Sendable, CaseIterable, Codable {
    case greeting, apology, answer, logistics, refund, upsell, promo, reminder, escalation, invoice, closing, generic
}

/// One snippet as a pack declares it: the intents it answers, its texts per language, when it applies.
public struct SnippetDefinition: Sendable {
    /// Unique across loaded packs (`logistics.check`).
    public var id: String
    package var intents: [String]
    package var kind: SnippetKind
    package var priority: Int
    package var conditions: SnippetConditions
    package var fallback: Bool
    package var onDemand: Bool
    package var texts: LocalizedTemplates
    package var location: SourceLocation
    package var pack: String
    /// The facts the snippet states (`asserts:`), which `TruthAudit` holds to
    /// their sources.
    package var asserts: [Assertion] = []
    /// Where `asserts:` is written, for reporting an unbacked assertion.
    package var assertsLocation: SourceLocation? = nil
    /// Where each language's text starts in the file.
    package var textOrigins: [Language: TextOrigin] = [:]
    /// What the draft is about within its intents (`about:`): phrases of any
    /// language. A message that mentions one puts the draft first among its
    /// intent's drafts; a message that mentions none puts it after the
    /// intent's general drafts (the size question goes to the size chart
    /// draft, "is it vegetarian" does not).
    package var about: [String] = []
}
