/// Threads by id, for a front end that answers several at once
/// (`kefu suggest` records with a `"thread"` field).
///
/// Bounded: a long-running script (a chat bridge feeding kefu for days)
/// must not grow without end, so past `capacity` threads the one that was
/// answered longest ago is forgotten; a later message of it starts afresh.
package struct Conversations: Sendable {
    /// Open threads kept at most: far more than any shop's conversations
    /// at once, about 10 MB at most.
    package static let defaultCapacity = 10_000

    package private(set) var threads: [String: Conversation] = [:]
    /// When each thread was last answered (a counter, not a clock): the
    /// oldest is forgotten first.
    private var lastUsed: [String: Int] = [:]
    /// Every use in order, stale entries included (skipped when their tick
    /// is no longer the thread's last): forgetting is amortised O(1).
    private var uses: [(id: String, tick: Int)] = []
    private var usesStart = 0
    private var tick = 0
    package let capacity: Int

    package init(capacity: Int = Conversations.defaultCapacity) {
        self.capacity = max(1, capacity)
    }

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
        if threads[id] == nil, threads.count >= capacity { forgetOldest() }
        threads[id] = conversation
        tick += 1
        lastUsed[id] = tick
        uses.append((id, tick))
        return s
    }

    /// Drops the least recently answered thread.
    private mutating func forgetOldest() {
        while usesStart < uses.count {
            let (id, used) = uses[usesStart]
            usesStart += 1
            if lastUsed[id] == used {
                threads[id] = nil
                lastUsed[id] = nil
                break
            }
        }
        // The queue's consumed head is dropped once it is most of it.
        if usesStart > 1024, usesStart * 2 > uses.count {
            uses.removeFirst(usesStart)
            usesStart = 0
        }
    }
}
