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
