import Foundation

/// One line of the usage log (JSON Lines, docs/user-guide.md *Usage log*).
///
/// Each event is written the moment it happens, so a killed terminal loses
/// nothing already done: `answered` when the drafts are shown, `copied`
/// for each copy made from them, `learned` when a copy taught an example,
/// `labelled` for `:intent` (joined to their message by `thread` and
/// `message`).
/// Buyer text is redacted (`Redaction`) before it gets here.
package struct UsageRecord: Codable, Sendable, Equatable {
    package enum Event: String, Codable, Sendable { case answered, copied, learned, labelled }

    package struct OfferedIntent: Codable, Sendable, Equatable {
        package var intent: String
        package var confidence: Double
        /// Reported (at or above the threshold) or offered as a marked guess.
        package var reported: Bool
        package init(intent: String, confidence: Double, reported: Bool) {
            self.intent = intent
            self.confidence = confidence
            self.reported = reported
        }
    }

    package struct OfferedDraft: Codable, Sendable, Equatable {
        package var id: String
        package var rank: Int
        package var intent: String?
        package init(id: String, rank: Int, intent: String?) {
            self.id = id
            self.rank = rank
            self.intent = intent
        }
    }

    package struct Copy: Codable, Sendable, Equatable {
        /// The snippet ids and ranks copied (several when drafts were combined).
        package var ids: [String]
        package var ranks: [Int]
        package var intent: String?
        package var edited: Bool
        /// Characters inserted, deleted or replaced by the agent (Levenshtein).
        package var editDistance: Int
        /// Keys typed from the drafts appearing to the copy (Enter included).
        package var keystrokes: Int
        /// Seconds from the Enter that sent the message to the copy.
        package var seconds: Double
        /// `true` when the copy was of a snippet the agent found by a word
        /// (`/word`, `:find`) rather than one offered for the message;
        /// absent otherwise, so older lines and readers are unchanged.
        package var found: Bool?

        enum CodingKeys: String, CodingKey {
            case ids, ranks, intent, edited, keystrokes, seconds, found
            case editDistance = "edit_distance"
        }

        package init(
            ids: [String], ranks: [Int], intent: String?, edited: Bool, editDistance: Int, keystrokes: Int, seconds: Double,
            found: Bool? = nil
        ) {
            self.ids = ids
            self.ranks = ranks
            self.intent = intent
            self.edited = edited
            self.editDistance = editDistance
            self.keystrokes = keystrokes
            self.seconds = seconds
            self.found = found
        }
    }

    /// Format version of the line.
    package var v = 1
    package var event: Event
    /// ISO 8601, UTC, to the millisecond.
    package var time: String
    /// One buyer's thread in one REPL session (`Conversation.id`): a new
    /// one for each buyer and after `:new`.
    package var thread: String
    /// The message within the session, joining its `copied` lines to its `answered` line.
    package var message: Int
    package var language: String?
    /// The message, redacted (`answered` and `labelled` only).
    package var text: String?
    package var intents: [OfferedIntent]?
    package var drafts: [OfferedDraft]?
    package var hedged: Bool?
    package var generic: Bool?
    package var copy: Copy?
    /// What a copy or label taught: `kefu learn list` id and intent (`learned`, `labelled`).
    package var learned: String?

    package init(event: Event, time: Date, thread: String, message: Int) {
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
    package func line() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }
}
