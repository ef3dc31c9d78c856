import KefuCore

/// What a plugin can be asked.
public enum ExternalCapability: String, Sendable, CaseIterable, Comparable {
    case detect, extract, draft, check
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// What a plugin said about itself in its `hello` answer.
public struct ExternalPluginDeclaration: Sendable {
    public var id: String
    public var version: String
    public var description: String
    public var capabilities: Set<ExternalCapability>
    /// Intents the plugin introduces (`myshop.preorder`): kefu adds them to the
    /// library so their signals count and their examples are tested.
    public var intents: [DeclaredIntent]
    /// Messages with what they must (and must not) yield: run by `kefu test`.
    public var examples: [DeclaredExample]
    /// config.yaml keys the plugin reads (shown by `kefu plugins list`).
    public var configKeys: [String]

    public struct DeclaredIntent: Sendable, Hashable {
        public var id: String
        public var description: String
    }

    /// Either a buyer message run through the whole engine (`text`, with
    /// `intents`, `notIntents`, `draft`), or a draft text given to this
    /// plugin's check (`checkText`, with `warning` or `block`).
    public struct DeclaredExample: Sendable, Hashable {
        public var text: String?
        /// Intents that must be among the top three candidates.
        public var intents: [String]
        /// Intents that must not be confidently detected.
        public var notIntents: [String]
        /// A draft whose snippet id starts with this must be offered.
        public var draft: String?
        public var checkText: String?
        /// The check must raise this warning code (`clean` for none at all).
        public var warning: String?
        /// The check must (true) or must not (false) block the draft.
        public var block: Bool?
    }
}
