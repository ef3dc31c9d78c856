import Foundation

/// What `kefu stats` reports, computed from usage records alone (no files,
/// no clock): messages answered, how they were answered, per intent and
/// per snippet. docs/user-guide.md, *kefu stats*, defines every figure.
package struct UsageStatistics: Sendable, Equatable {
    /// A snippet counts as nearly always edited when at least `editedShare`
    /// of at least `editedMinimumCopies` single-draft copies were edited:
    /// five copies keep one agent's odd day from naming a snippet, and four
    /// in five edited says the text itself wants changing.
    package static let editedShare = 0.8
    package static let editedMinimumCopies = 5

    /// Count, median and 90th percentile (`Quantile`) of a sample.
    package struct Distribution: Sendable, Equatable {
        package var count: Int
        package var median: Double?
        package var p90: Double?

        package init(_ values: [Double]) {
            let sorted = values.sorted()
            count = sorted.count
            median = Quantile.of(sorted: sorted, 0.5)
            p90 = Quantile.of(sorted: sorted, 0.9)
        }
    }

    /// One intent: how many messages it was, how many of them the agent
    /// settled (copied a draft of, or labelled), and how many of those kefu missed.
    package struct IntentRow: Sendable, Equatable {
        package var intent: String
        package var messages: Int
        package var settled: Int
        package var misses: Int

        /// misses / settled; nil when the agent settled none.
        package var missRate: Double? { settled > 0 ? Double(misses) / Double(settled) : nil }
    }

    /// One snippet's use: offered among a message's drafts, copied (alone
    /// or combined), and among its single-draft copies, how many edited.
    package struct SnippetRow: Sendable, Equatable {
        package var id: String
        package var offered = 0
        package var copies = 0
        package var singleCopies = 0
        package var edited = 0
        package var editDistance = 0

        package init(id: String) { self.id = id }

        package var editedShare: Double? { singleCopies > 0 ? Double(edited) / Double(singleCopies) : nil }
    }

    /// Messages answered on one day (local calendar day, `yyyy-MM-dd`).
    package struct Day: Sendable, Equatable {
        package var day: String
        package var messages: Int
    }

    package var messages = 0
    /// Messages the agent copied a draft for.
    package var copied = 0
    /// Messages whose first copy was draft 1 alone.
    package var byDraft1 = 0
    /// Of each message's first copy.
    package var keystrokes = Distribution([])
    package var seconds = Distribution([])
    package var generic = 0
    package var hedged = 0
    /// Messages whose intent the agent settled, and the misses among them (`UsageMessage.missed`).
    package var settled = 0
    package var misses = 0
    /// By messages, most first (ties by id).
    package var intents: [IntentRow] = []
    /// Every day from the first message's to the last's, quiet days included.
    package var days: [Day] = []
    package var first: Date?
    package var last: Date?
    /// Snippets of the library never copied, most offered first (ties by id).
    package var neverPicked: [SnippetRow] = []
    /// Snippets nearly always edited (`editedShare`, `editedMinimumCopies`), most edited share first.
    package var nearlyAlwaysEdited: [SnippetRow] = []

    package init() {}

    /// The statistics of `lines` from `since` on. `snippets`: the ids of the
    /// loaded library's snippets, for those never picked. Days are
    /// calendar days in `timeZone`.
    package init(lines: [UsageLine], since: Date? = nil, snippets: [String], timeZone: TimeZone = .current) {
        let messages = UsageMessage.join(lines, since: since)
        self.messages = messages.count
        first = messages.first?.date
        last = messages.last?.date
        var firstCopies: [UsageRecord.Copy] = []
        var rows: [String: IntentRow] = [:]
        for m in messages {
            if let copy = m.firstCopy {
                firstCopies.append(copy)
                if m.answeredByDraft1 { byDraft1 += 1 }
            }
            if m.answer.generic == true { generic += 1 }
            if m.answer.hedged == true { hedged += 1 }
            if let missed = m.missed {
                settled += 1
                if missed { misses += 1 }
            }
            if let intent = m.intent {
                rows[intent, default: IntentRow(intent: intent, messages: 0, settled: 0, misses: 0)].messages += 1
            }
            if let agent = m.agentIntent, let missed = m.missed {
                rows[agent, default: IntentRow(intent: agent, messages: 0, settled: 0, misses: 0)].settled += 1
                if missed { rows[agent]!.misses += 1 }
            }
        }
        copied = firstCopies.count
        keystrokes = Distribution(firstCopies.map { Double($0.keystrokes) })
        seconds = Distribution(firstCopies.map(\.seconds))
        intents = rows.values.sorted { ($0.messages, $1.intent) > ($1.messages, $0.intent) }
        days = Self.days(messages.map(\.date), timeZone: timeZone)
        (neverPicked, nearlyAlwaysEdited) = Self.snippets(lines, messages: messages, since: since, library: snippets)
    }

    /// Share of messages, nil when there are none.
    package func share(_ n: Int) -> Double? { messages > 0 ? Double(n) / Double(messages) : nil }

    /// Misses over messages the agent settled.
    package var missRate: Double? { settled > 0 ? Double(misses) / Double(settled) : nil }

    static func days(_ dates: [Date], timeZone: TimeZone) -> [Day] {
        guard let first = dates.min(), let last = dates.max() else { return [] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let f = DateFormatter()
        f.calendar = calendar
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = timeZone
        f.dateFormat = "yyyy-MM-dd"
        var counts: [String: Int] = [:]
        for d in dates { counts[f.string(from: d), default: 0] += 1 }
        var result: [Day] = []
        var day = calendar.startOfDay(for: first)
        let end = calendar.startOfDay(for: last)
        while day <= end {
            let name = f.string(from: day)
            result.append(Day(day: name, messages: counts[name] ?? 0))
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        return result
    }

    /// Offers come from the messages in the window; copies count when made
    /// in it, joined to a message read or not (its `answered` line may be
    /// in a rotated file deleted since).
    static func snippets(_ lines: [UsageLine], messages: [UsageMessage], since: Date?, library: [String])
        -> (neverPicked: [SnippetRow], nearlyAlwaysEdited: [SnippetRow])
    {
        var rows: [String: SnippetRow] = [:]
        for m in messages {
            for d in m.answer.drafts ?? [] { rows[d.id, default: SnippetRow(id: d.id)].offered += 1 }
        }
        for l in lines where l.record.event == .copied {
            if let since, l.date < since { continue }
            guard let copy = l.record.copy else { continue }
            for id in Set(copy.ids) { rows[id, default: SnippetRow(id: id)].copies += 1 }
            if copy.ids.count == 1 {
                let id = copy.ids[0]
                rows[id]!.singleCopies += 1
                if copy.edited {
                    rows[id]!.edited += 1
                    rows[id]!.editDistance += copy.editDistance
                }
            }
        }
        let never = Set(library).map { rows[$0] ?? SnippetRow(id: $0) }.filter { $0.copies == 0 }
            .sorted { ($0.offered, $1.id) > ($1.offered, $0.id) }
        let edited = rows.values.filter {
            $0.singleCopies >= editedMinimumCopies && ($0.editedShare ?? 0) >= editedShare - 1e-9
        }
        .sorted { ($0.editedShare ?? 0, $0.singleCopies, $1.id) > ($1.editedShare ?? 0, $1.singleCopies, $0.id) }
        return (never, edited)
    }
}
