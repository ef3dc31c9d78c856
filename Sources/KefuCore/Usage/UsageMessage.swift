import Foundation

/// One answered message with what the agent did about it, joined from its
/// usage records by `thread` and `message`: the `answered` record, the
/// first `copied` one, and the last `:intent` label.
package struct UsageMessage: Sendable, Equatable {
    package var date: Date
    package var answer: UsageRecord
    /// The first copy made from the message's drafts (what answered the buyer).
    package var firstCopy: UsageRecord.Copy?
    /// The intent the agent gave the message with `:intent` (`other`: none).
    package var label: String?

    package init(date: Date, answer: UsageRecord, firstCopy: UsageRecord.Copy? = nil, label: String? = nil) {
        self.date = date
        self.answer = answer
        self.firstCopy = firstCopy
        self.label = label
    }

    /// kefu's first intent: the first reported one, else the first guess.
    package var offeredIntent: String? { answer.intents?.first?.intent }

    /// Whether kefu answered with `offeredIntent` confidently (reported,
    /// not a marked guess, not generic).
    package var answeredConfidently: Bool {
        answer.generic != true && answer.hedged != true && answer.intents?.first?.reported == true
    }

    /// What the agent says the message is: the `:intent` label, else the
    /// intent of the one draft copied first. Nil when the agent copied
    /// nothing, combined drafts, or copied a draft of no intent (a generic one).
    package var agentIntent: String? { label ?? firstCopy?.intent }

    /// The message's intent for volumes: the agent's, else kefu's first.
    package var intent: String? { agentIntent ?? offeredIntent }

    /// A miss: the agent gave the message an intent (by copying one of its
    /// drafts or with `:intent`) that kefu did not answer it with first and
    /// confidently: kefu's first intent was another, or only a guess, or
    /// the answer was generic. Nil when the agent's intent is unknown.
    package var missed: Bool? {
        guard let agent = agentIntent else { return nil }
        return !(answeredConfidently && offeredIntent == agent)
    }

    /// Whether draft 1 alone answered the buyer.
    package var answeredByDraft1: Bool { firstCopy?.ranks == [1] }

    /// The intent a `learned` or `labelled` record names (`"<id> <intent>"`).
    static func learnedIntent(_ learned: String?) -> String? {
        guard let learned, let space = learned.firstIndex(of: " ") else { return nil }
        let intent = learned[learned.index(after: space)...].trimmingCharacters(in: .whitespaces)
        return intent.isEmpty ? nil : intent
    }

    /// Joins records (in the order they were read) into messages: one per
    /// `answered` record at or after `since`, in time order. A second
    /// `answered` record for the same thread and message (the same file
    /// read twice under two names) is left out.
    package static func join(_ lines: [UsageLine], since: Date? = nil) -> [UsageMessage] {
        struct Key: Hashable {
            var thread: String
            var message: Int
        }
        var index: [Key: Int] = [:]
        var messages: [UsageMessage] = []
        for l in lines where l.record.event == .answered {
            if let since, l.date < since { continue }
            let key = Key(thread: l.record.thread, message: l.record.message)
            guard index[key] == nil else { continue }
            index[key] = messages.count
            messages.append(UsageMessage(date: l.date, answer: l.record))
        }
        var firstCopyDate: [Int: Date] = [:]
        var labelDate: [Int: Date] = [:]
        for l in lines {
            guard let i = index[Key(thread: l.record.thread, message: l.record.message)] else { continue }
            switch l.record.event {
            case .copied:
                guard let copy = l.record.copy else { continue }
                if let d = firstCopyDate[i], d <= l.date { continue }
                firstCopyDate[i] = l.date
                messages[i].firstCopy = copy
            case .labelled:
                guard let intent = learnedIntent(l.record.learned) else { continue }
                if let d = labelDate[i], d > l.date { continue }
                labelDate[i] = l.date
                messages[i].label = intent
            case .answered, .learned:
                continue
            }
        }
        return messages.sorted { $0.date < $1.date }
    }
}
