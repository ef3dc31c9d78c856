/// What a draft is, for ranking and display.
public enum SnippetKind: String, Sendable, CaseIterable, Codable {
    case greeting, apology, answer, logistics, refund, upsell, promo, reminder, escalation, invoice, closing, generic
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
