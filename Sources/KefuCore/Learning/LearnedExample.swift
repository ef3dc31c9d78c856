/// One message kefu learned from the agent: a redacted buyer message and
/// the intent the agent's copies or labels gave it (`kefu learn list`).
public struct LearnedExample: Codable, Sendable, Equatable {
    /// How it was learned.
    public enum Source: String, Codable, Sendable {
        /// A draft of this intent was copied (unedited or lightly edited).
        case copy
        /// A draft of this intent was copied when kefu's first intent was another.
        case correction
        /// `:intent ID` in the REPL.
        case label
        /// `kefu learn import FILE.tsv`.
        case imported = "import"
    }

    /// Stable id for `kefu learn forget ID` (never reused).
    package var id: Int
    /// An intent id, or `other` for a message that is no intent.
    package var intent: String
    /// The message as kept: control sequences removed, private values
    /// replaced by their kind (`Redaction`).
    package var text: String
    /// The normalised, case-folded text: the key examples are de-duplicated by.
    package var folded: String
    package var language: Language
    /// Copies and labels that gave the message this intent.
    package var votes: Int
    package var source: Source
    /// ISO 8601 times of the first and the last vote.
    package var learned: String
    package var lastVote: String

    /// An example as the store keeps it.
    public init(
        id: Int, intent: String, text: String, folded: String, language: Language, votes: Int, source: Source, learned: String,
        lastVote: String
    ) {
        self.id = id
        self.intent = intent
        self.text = text
        self.folded = folded
        self.language = language
        self.votes = votes
        self.source = source
        self.learned = learned
        self.lastVote = lastVote
    }

    enum CodingKeys: String, CodingKey {
        case id, intent, text, folded, language, votes, source, learned
        case lastVote = "last_vote"
    }

    /// Confirmed: voted for often enough to count as a pack example does.
    package var confirmed: Bool { votes >= LearningPolicy.confirmations }

    /// The weight its pack entry carries (`ExampleMessage.weight`).
    public var weight: Double { confirmed ? 1 : LearningPolicy.unconfirmedWeight }
}

/// How much one copy teaches. Why these numbers: docs/architecture.md, *Learning*.
public enum LearningPolicy {
    /// Votes after which a learned example counts as a pack example does
    /// (full weight as a neighbour, trained into the linear model).
    public static let confirmations = 3
    /// An unconfirmed example's similarity to a message counts this much.
    package static let unconfirmedWeight = 0.5
    /// Examples kept at most; past it the least recently voted unconfirmed
    /// ones go first.
    package static let cap = 5_000
    /// An edited copy still teaches when the agent changed at most this
    /// share of the draft's characters (and at least `lightEditFloor`).
    package static let lightEditShare = 0.3
    package static let lightEditFloor = 10
}
