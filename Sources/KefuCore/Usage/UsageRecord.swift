import Foundation

/// One line of the usage log (JSON Lines, docs/user-guide.md *Usage log*).
///
/// Each event is written the moment it happens, so a killed terminal loses
/// nothing already done: `answered` when the drafts are shown, `copied`
/// for each copy made from them, `learned` when a copy taught an example,
/// `labelled` for `:intent` (joined to their message by `thread` and
/// `message`).
/// Buyer text is redacted (`Redaction`) before it gets here.
public struct UsageRecord: Codable, Sendable, Equatable {
    public enum Event: String, Codable, Sendable { case answered, copied, learned, labelled }

    public struct OfferedIntent: Codable, Sendable, Equatable {
        public var intent: String
        public var confidence: Double
        /// Reported (at or above the threshold) or offered as a marked guess.
        public var reported: Bool
        public init(intent: String, confidence: Double, reported: Bool) {
            self.intent = intent
            self.confidence = confidence
            self.reported = reported
        }
    }

    public struct OfferedDraft: Codable, Sendable, Equatable {
        public var id: String
        public var rank: Int
        public var intent: String?
        public init(id: String, rank: Int, intent: String?) {
            self.id = id
            self.rank = rank
            self.intent = intent
        }
    }

    public struct Copy: Codable, Sendable, Equatable {
        /// The snippet ids and ranks copied (several when drafts were combined).
        public var ids: [String]
        public var ranks: [Int]
        public var intent: String?
        public var edited: Bool
        /// Characters inserted, deleted or replaced by the agent (Levenshtein).
        public var editDistance: Int
        /// Keys typed from the drafts appearing to the copy (Enter included).
        public var keystrokes: Int
        /// Seconds from the Enter that sent the message to the copy.
        public var seconds: Double

        enum CodingKeys: String, CodingKey {
            case ids, ranks, intent, edited, keystrokes, seconds
            case editDistance = "edit_distance"
        }

        public init(ids: [String], ranks: [Int], intent: String?, edited: Bool, editDistance: Int, keystrokes: Int, seconds: Double) {
            self.ids = ids
            self.ranks = ranks
            self.intent = intent
            self.edited = edited
            self.editDistance = editDistance
            self.keystrokes = keystrokes
            self.seconds = seconds
        }
    }

    /// Format version of the line.
    public var v = 1
    public var event: Event
    /// ISO 8601, UTC, to the millisecond.
    public var time: String
    /// One buyer's thread in one REPL session (`Conversation.id`): a new
    /// one for each buyer and after `:new`.
    public var thread: String
    /// The message within the session, joining its `copied` lines to its `answered` line.
    public var message: Int
    public var language: String?
    /// The message, redacted (`answered` and `labelled` only).
    public var text: String?
    public var intents: [OfferedIntent]?
    public var drafts: [OfferedDraft]?
    public var hedged: Bool?
    public var generic: Bool?
    public var copy: Copy?
    /// What a copy or label taught: `kefu learn list` id and intent (`learned`, `labelled`).
    public var learned: String?

    public init(event: Event, time: Date, thread: String, message: Int) {
        self.event = event
        self.time = Self.timestamp(time)
        self.thread = thread
        self.message = message
    }

    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: date)
    }

    /// The record as one JSON line, newline included.
    public func line() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }
}
