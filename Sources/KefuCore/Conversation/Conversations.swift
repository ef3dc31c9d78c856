/// Threads by id, for a front end that answers several at once
/// (`kefu suggest` records with a `"thread"` field).
public struct Conversations: Sendable {
    public private(set) var threads: [String: Conversation] = [:]

    public init() {}

    /// Answers one message of thread `id` (created on its first message)
    /// with `answer`, and takes the answer into the thread.
    public mutating func suggest(
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
