/// What a front end asks of the engine for one message.
public struct SuggestionRequest: Sendable {
    /// Configuration and session values (`shop`, `agent`, `buyer`, `order_id`...).
    /// Values found in the message override these.
    package var variables: [String: String]
    /// Values that come with this one message (a JSON Lines record's `vars`):
    /// they override everything, including what was extracted.
    package var recordVariables: [String: String]
    /// Write drafts in this language whatever the buyer wrote.
    package var language: Language?
    /// How many drafts to render.
    package var maxDrafts: Int
    /// Render this on-demand snippet instead of detecting (the payment reminder).
    package var snippet: String?
    /// Leave this pack example out of the classifier (testing examples as unseen).
    package var heldOutExample: ExampleKey?
    /// Write each draft's `explanation` (why it was offered). Batch runs that
    /// do not print it turn it off: its sentences cost more than the ranking.
    package var explain: Bool
    /// Per snippet id, the move its pick rate earns within its intent
    /// (`PickRates.adjustments`): the REPL passes the agent's own.
    public var picks: [String: PickAdjustment] = [:]
    /// The thread this message belongs to (`Conversation.context`): values
    /// found earlier fill what no one else gives, and a message with no
    /// confident intent leans toward the thread's last one. nil: the
    /// message is answered on its own.
    package var thread: ThreadContext?

    /// A request with the given values; every argument has the default a front end would choose.
    public init(
        variables: [String: String] = [:], recordVariables: [String: String] = [:],
        language: Language? = nil, maxDrafts: Int = 5, snippet: String? = nil, heldOutExample: ExampleKey? = nil,
        explain: Bool = true
    ) {
        self.variables = variables
        self.recordVariables = recordVariables
        self.language = language
        self.maxDrafts = maxDrafts
        self.snippet = snippet
        self.heldOutExample = heldOutExample
        self.explain = explain
    }
}
