/// Inspects every rendered draft before it is shown and copied: attaches
/// `DraftWarning`s, or blocks a draft that must not be sent. Runs last in
/// `Engine.suggest`, on each draft, from any thread.
public protocol DraftCheck: Sendable {
    var id: String { get }
    func check(_ draft: Draft, message: NormalizedText) -> DraftVerdict
    /// The verdicts on several drafts at once, one per draft in order. A
    /// check that pays per call (an external plugin's round trip) answers
    /// all the drafts shown in one; the default asks `check` for each.
    func check(_ drafts: [Draft], message: NormalizedText) -> [DraftVerdict]
}

extension DraftCheck {
    /// One verdict per draft, from `check(_:message:)` on each.
    public func check(_ drafts: [Draft], message: NormalizedText) -> [DraftVerdict] {
        drafts.map { check($0, message: message) }
    }
}

/// What a check says about one draft.
public struct DraftVerdict: Sendable, Hashable {
    /// What the agent is told about the draft; shown under it.
    public var warnings: [DraftWarning]
    /// The draft is dropped (and the next one takes its place).
    public var block: Bool

    /// A verdict with these warnings; `block` drops the draft.
    public init(warnings: [DraftWarning] = [], block: Bool = false) {
        self.warnings = warnings
        self.block = block
    }

    /// Nothing to say: the draft is shown as it is.
    public static let pass = DraftVerdict()
}
