import Foundation
import KefuCore

/// What the REPL records and learns as the agent works (docs/repl.md,
/// *What kefu records and learns*): a usage record for every answered
/// message and every copy (`UsageLog`), and a learned example when a copy
/// or `:intent` says what a message kefu missed or misread means
/// (`LearnedStore`). Either part may be off (`usage: off`, `--no-learned`).
final class LearningSession {
    let usageLog: UsageLog?
    let store: LearnedStore?
    let pickStore: PickStore?
    /// The agent's pick rates as last saved (this REPL's and others' copies).
    private(set) var picks = PickRates()
    /// This REPL run, so two REPLs' threads are told apart in one log.
    let sessionID = String(UInt32.random(in: 0...UInt32.max), radix: 16)
    /// The active buyer's thread (`Conversation.id`, `BuyerBook`): what
    /// every record's `thread` says.
    var thread: String
    private(set) var messageNumber = 0
    private var answeredAt: ContinuousClock.Instant?
    private var keystrokes = 0
    private var reportedLogProblem = false

    init(usageDirectory: String?, learnedDirectory: String?) {
        usageLog = usageDirectory.map { UsageLog(directory: $0) }
        store = learnedDirectory.map { LearnedStore(directory: $0) }
        pickStore = learnedDirectory.map { PickStore(directory: $0) }
        picks = pickStore?.load() ?? PickRates()
        thread = BuyerBook.threadID(session: sessionID, number: 1)
    }

    /// What each draft's pick rate moves it by now.
    func pickAdjustments() -> [String: PickAdjustment] {
        picks.tallies.isEmpty ? [:] : picks.adjustments(at: Date())
    }

    /// A copy of one draft from the drafts of a message: a pick among the
    /// drafts of its intent on screen.
    func picked(_ draft: Draft, among shown: [Draft]) -> String? {
        guard let pickStore, let intent = draft.intent else { return nil }
        let offered = shown.filter { $0.intent == intent }.map(\.snippet)
        do {
            picks = try pickStore.record(offered: offered, picked: draft.snippet)
            return nil
        } catch {
            return "pick not counted: \(error)"
        }
    }

    /// A line the agent typed (not pasted) after the drafts appeared.
    func typed(_ line: String) {
        guard answeredAt != nil else { return }
        keystrokes += line.count + 1
    }

    /// The buyer's values the log and the learned examples must not keep.
    static func privateNames(_ values: [String: String]) -> [String] {
        ["buyer", "name", "order_id", "tracking_no", "phone", "address"].compactMap { values[$0] }.filter { !$0.isEmpty }
    }

    /// Drafts were shown for a message: one `answered` record. Returns a
    /// problem to show once, if the log cannot be written.
    func answered(_ message: String, _ s: Suggestion, names: [String], normalizer: TextNormalizer) -> String? {
        messageNumber += 1
        answeredAt = .now
        keystrokes = 0
        guard let usageLog else { return nil }
        var r = UsageRecord(event: .answered, time: Date(), thread: thread, message: messageNumber)
        r.language = s.detectedLanguage.rawValue
        r.text = Redaction.redact(message, normalizer: normalizer, names: names)
        r.intents =
            s.intents.map { .init(intent: $0.intent, confidence: Self.rounded($0.confidence), reported: true) }
            + s.guesses.map { .init(intent: $0.intent, confidence: Self.rounded($0.confidence), reported: false) }
        r.drafts = s.drafts.map { .init(id: $0.snippet, rank: $0.rank, intent: $0.intent) }
        r.hedged = s.hedged
        r.generic = s.usedFallback
        return logged(usageLog.append(r))
    }

    private func logged(_ problem: String?) -> String? {
        guard let problem, !reportedLogProblem else { return nil }
        reportedLogProblem = true
        return "usage log: " + problem + " (kefu goes on without it)"
    }

    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    /// What a copy taught, for the echo and the usage record.
    struct Lesson {
        var example: LearnedExample
        var outcome: LearnedStore.Outcome
    }

    /// A copy of drafts `chosen` (edited from `base` into `final` when the
    /// agent edited). Teaches when it says something kefu did not know
    /// (`lesson(...)`), records a `copied` line (`found`: of a snippet
    /// found by a word), and returns the lesson and a problem to show, if any.
    func copied(
        _ chosen: [Draft], base: String, final: String, message: String?, suggestion: Suggestion?, names: [String],
        normalizer: TextNormalizer, found: Bool = false
    ) -> (lesson: Lesson?, problem: String?) {
        let distance = EditDistance.between(base, final)
        var problem: String?
        // The copy is recorded first, the moment it is made: teaching
        // writes files and reloads the packs, and a terminal killed
        // meanwhile must not lose the copy.
        if let usageLog {
            var r = UsageRecord(event: .copied, time: Date(), thread: thread, message: messageNumber)
            let seconds =
                answeredAt.map { ContinuousClock.now - $0 }.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
                ?? 0
            r.copy = .init(
                ids: chosen.map(\.snippet), ranks: chosen.map(\.rank), intent: chosen.count == 1 ? chosen[0].intent : nil,
                edited: distance > 0, editDistance: distance, keystrokes: keystrokes + distance,
                seconds: (seconds * 10).rounded() / 10, found: found ? true : nil)
            problem = logged(usageLog.append(r))
        }
        var lesson: Lesson?
        if let message, let suggestion, chosen.count == 1, let intent = chosen[0].intent,
            Self.lightlyEdited(distance: distance, length: base.count)
        {
            do {
                lesson = try teach(message, intent: intent, suggestion: suggestion, names: names, normalizer: normalizer)
            } catch {
                problem = "not learned: \(error)"
            }
        }
        if let usageLog, let lesson {
            var r = UsageRecord(event: .learned, time: Date(), thread: thread, message: messageNumber)
            r.learned = "\(lesson.example.id) \(lesson.example.intent)"
            if let p = logged(usageLog.append(r)) { problem = problem ?? p }
        }
        return (lesson, problem)
    }

    static func lightlyEdited(distance: Int, length: Int) -> Bool {
        distance <= max(LearningPolicy.lightEditFloor, Int(Double(length) * LearningPolicy.lightEditShare))
    }

    /// A copy teaches when kefu did not already answer the message with
    /// the copied draft's intent first and confidently (a miss, a guess,
    /// or a correction), or when the message is already a learned example
    /// of that intent (one more vote toward confirming it).
    private func teach(_ message: String, intent: String, suggestion: Suggestion, names: [String], normalizer: TextNormalizer) throws
        -> Lesson?
    {
        guard let store else { return nil }
        let text = Redaction.redact(message, normalizer: normalizer, names: names)
        let normal = normalizer.normalize(text)
        guard !normal.isEmpty else { return nil }
        let first = suggestion.intents.first?.intent ?? suggestion.guesses.first?.intent
        let confidentlyRight = suggestion.intents.first?.intent == intent
        if confidentlyRight {
            guard try store.examples().contains(where: { $0.folded == normal.folded && $0.intent == intent }) else { return nil }
        }
        let source: LearnedExample.Source = first != nil && first != intent ? .correction : .copy
        let (example, outcome) = try store.vote(
            text: text, folded: normal.folded, language: normal.language, intent: intent, source: source)
        return Lesson(example: example, outcome: outcome)
    }

    /// `:intent ID`: the agent says what the message is. Confirmed at once.
    func label(_ message: String, intent: String, names: [String], normalizer: TextNormalizer) throws -> Lesson? {
        guard let store else { return nil }
        let text = Redaction.redact(message, normalizer: normalizer, names: names)
        let normal = normalizer.normalize(text)
        guard !normal.isEmpty else { return nil }
        let (example, outcome) = try store.vote(
            text: text, folded: normal.folded, language: normal.language, intent: intent, source: .label,
            votes: LearningPolicy.confirmations)
        if let usageLog {
            var r = UsageRecord(event: .labelled, time: Date(), thread: thread, message: messageNumber)
            r.learned = "\(example.id) \(example.intent)"
            _ = logged(usageLog.append(r))
        }
        return Lesson(example: example, outcome: outcome)
    }
}
