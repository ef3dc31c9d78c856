/// Threads by id, for a front end that answers several at once
/// (`kefu suggest` records with a `"thread"` field).
package struct Conversations: Sendable {
    package private(set) var threads: [String: Conversation] = [:]

    package init() {}

    /// Answers one message of thread `id` (created on its first message)
    /// with `answer`, and takes the answer into the thread.
    package mutating func suggest(
        _ text: String, thread id: String, _ request: SuggestionRequest, library: SnippetLibrary,
        answer: (String, SuggestionRequest) -> Suggestion
    ) -> Suggestion {
        var conversation = threads[id] ?? Conversation(id: id)
        var r = request
        r.thread = conversation.context
        let s = answer(text, r)
        conversation.absorb(s, library: library)
        threads[id] = conversation
        return s
    }
}
