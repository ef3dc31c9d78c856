/// What a thread brings to one of its messages (`SuggestionRequest.thread`):
/// values found in its earlier messages and the intent a follow-up leans
/// toward. Made by `Conversation.context`; a request without one is
/// answered on its own, as if it were a thread's first message.
package struct ThreadContext: Sendable, Hashable {
    /// The thread's id (`Conversation.id`): the usage log's `thread`, the
    /// JSON record's `thread.id`.
    package var id: String
    /// This message's number in the thread, from 1.
    package var message: Int
    /// Values found earlier in the thread, one per kind, the latest kept.
    /// A value fills a draft only when neither this message nor anyone
    /// else (the agent's `:set`, `--var`, configuration, a record's `vars`)
    /// gives one for the same name.
    package var carried: [Entity]
    /// The thread's last intent: a message with no confident intent of its
    /// own is answered from it, as a marked guess ("follow-up of …").
    package var lastIntent: String?

    package init(id: String, message: Int = 1, carried: [Entity] = [], lastIntent: String? = nil) {
        self.id = id
        self.message = message
        self.carried = carried
        self.lastIntent = lastIntent
    }
}

/// What the thread gave one answer (`Suggestion.thread`): set whenever the
/// request had a `ThreadContext`, nil otherwise.
package struct ThreadUse: Sendable, Hashable {
    package var id: String
    package var message: Int
    /// The earlier values that reached the drafts: those this message does
    /// not give and no one set.
    package var carried: [Entity]
    /// The thread's intent this message was answered from, when it had no
    /// confident intent of its own (the answer is then `hedged`).
    package var followUpOf: String?

    package init(id: String, message: Int, carried: [Entity], followUpOf: String?) {
        self.id = id
        self.message = message
        self.carried = carried
        self.followUpOf = followUpOf
    }
}
