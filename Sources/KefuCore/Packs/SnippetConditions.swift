/// Conditions under which a snippet is offered; all must hold.
package struct SnippetConditions: Sendable, Hashable {
    package var has: [String] = []
    package var lacks: [String] = []
    package var upset: Bool? = nil
    package var equals: [String: String] = [:]

    package var isEmpty: Bool { has.isEmpty && lacks.isEmpty && upset == nil && equals.isEmpty }

    /// How many conditions this snippet states about the situation: a draft
    /// written for a more specific situation ranks above a general one when
    /// both apply. `lacks` is a guard (the draft does not fit once a value is
    /// known), not a situation, so it does not count: otherwise "let me check
    /// the refund status" (lacks refund_done) outranked the return steps for
    /// "I want to return this".
    package var specificity: Int { has.count + (upset == nil ? 0 : 1) + equals.count }
}
