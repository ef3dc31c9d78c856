/// Inspects every rendered draft before it is shown and copied: attaches
/// `DraftWarning`s, or blocks a draft that must not be sent. Runs last in
/// `Engine.suggest`, on each draft, from any thread.
public protocol DraftCheck: Sendable {
    var id: String { get }
    func check(_ draft: Draft, message: NormalizedText) -> DraftVerdict
}

/// What a check says about one draft.
public struct DraftVerdict: Sendable, Hashable {
    public var warnings: [DraftWarning]
    /// The draft is dropped (and the next one takes its place).
    public var block: Bool

    public init(warnings: [DraftWarning] = [], block: Bool = false) {
        self.warnings = warnings
        self.block = block
    }

    public static let pass = DraftVerdict()
}
