import KefuCore

/// What a plugin can be asked.
package enum ExternalCapability: String, Sendable, CaseIterable, Comparable {
    case detect, extract, draft, check
    package static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// What a plugin said about itself in its `hello` answer.
package struct ExternalPluginDeclaration: Sendable {
    package var id: String
    package var version: String
    package var description: String
    package var capabilities: Set<ExternalCapability>
    /// Intents the plugin introduces (`myshop.preorder`): kefu adds them to the
    /// library so their signals count and their examples are tested.
    package var intents: [DeclaredIntent]
    /// Messages with what they must (and must not) yield: run by `kefu test`.
    package var examples: [DeclaredExample]
    /// config.yaml keys the plugin reads (shown by `kefu plugins list`).
    package var configKeys: [String]

    package struct DeclaredIntent: Sendable, Hashable {
        package var id: String
        package var description: String
    }

    /// Either a buyer message run through the whole engine (`text`, with
    /// `intents`, `notIntents`, `draft`), or a draft text given to this
    /// plugin's check (`checkText`, with `warning` or `block`).
    package struct DeclaredExample: Sendable, Hashable {
        package var text: String?
        /// Intents that must be among the top three candidates.
        package var intents: [String]
        /// Intents that must not be confidently detected.
        package var notIntents: [String]
        /// A draft whose snippet id starts with this must be offered.
        package var draft: String?
        package var checkText: String?
        /// The check must raise this warning code (`clean` for none at all).
        package var warning: String?
        /// The check must (true) or must not (false) block the draft.
        package var block: Bool?
    }
}
