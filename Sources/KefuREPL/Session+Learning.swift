import Foundation
import KefuCore

/// The drafts a copy was made from: what the usage log records and what
/// decides whether the copy teaches.
struct CopyOrigin {
    var targets: [Int]
    /// The draft text as offered (combined when several).
    var base: String
    /// The agent's edit of it, if any (before blanks were filled).
    var edited: String?
}

/// Recording and learning in the REPL: the usage log and learned examples
/// (`LearningSession`), and `:intent`.
extension Session {
    var privateNames: [String] {
        LearningSession.privateNames(settings.variables.merging(sessionVariables) { $1 }) + buyerNames
    }

    /// Drafts were shown for `text`.
    func recordAnswer(_ text: String, _ s: Suggestion) {
        if let problem = learning.answered(text, s, names: privateNames, normalizer: engine.normalizer) { say(problem, .warning) }
    }

    /// After a copy: the usage record, and what it taught.
    func learnFromCopy() {
        guard let origin = copyOrigin else { return }
        copyOrigin = nil
        guard origin.targets.allSatisfy({ $0 >= 1 && $0 <= drafts.count }) else { return }
        // A snippet rendered by id answers no intent of the message: it is
        // its snippet's, when the snippet answers exactly one.
        let chosen = origin.targets.map { n -> Draft in
            var d = drafts[n - 1]
            if d.intent == nil, let s = engine.library.snippets.first(where: { $0.id == d.snippet }), s.intents.count == 1 {
                d.intent = s.intents[0]
            }
            return d
        }
        keepForSaving(origin, chosen)
        // A snippet asked for by id (`:snippet`) for the message on screen
        // teaches like a draft offered for it: the agent found the reply
        // kefu did not offer, and so does a snippet found by a word (`/word`).
        // A payment reminder answers no question.
        let answers = draftSource == .message || !chosen.contains { $0.kind == .reminder }
        let teaches = answers && !(chosen.count == 1 && onlyTheThreadSays(chosen[0].intent))
        let (lesson, problem) = learning.copied(
            chosen, base: origin.base, final: origin.edited ?? origin.base, message: teaches ? message : nil,
            suggestion: teaches ? suggestion : nil, names: privateNames, normalizer: engine.normalizer, found: showingFound)
        if let problem { say(problem, .warning) }
        // Pick rates move drafts within their intent: only a draft chosen
        // from the ones offered for a message is a pick.
        if draftSource == .message, chosen.count == 1, let problem = learning.picked(chosen[0], among: drafts) { say(problem, .warning) }
        if answers, chosen.count == 1 { threadAnswered(intent: chosen[0].intent) }
        if let lesson { announce(lesson) }
    }

    /// A follow-up ("怎么样了") answered with its thread's intent, which
    /// its words alone do not even make plausible: it means what the thread
    /// is about, and learning it as an example of that intent would make it
    /// confident on its own, in every other thread too. (A learned message
    /// still a guess on its own keeps collecting votes.)
    func onlyTheThreadSays(_ intent: String?) -> Bool {
        guard let s = suggestion, let lean = s.thread?.followUpOf, lean == intent else { return false }
        return !s.candidates.contains { $0.intent == lean && $0.confidence >= engine.options.guessFloor }
    }

    /// One line saying what was learned, then the packs reloaded so the
    /// very next message is answered with it.
    func announce(_ lesson: LearningSession.Lesson) {
        let e = lesson.example
        show { c in
            c.text("  learned ", .dim)
            c.text(e.intent, .intent)
            switch lesson.outcome {
            case .added where e.confirmed: c.text(" for this message (confirmed)", .dim)
            case .added: c.text(" for this message (1 of \(LearningPolicy.confirmations) votes to confirm)", .dim)
            case .voted(let now):
                c.text(
                    now || e.confirmed
                        ? " again: confirmed (\(e.votes) votes)" : " again (\(e.votes) of \(LearningPolicy.confirmations) votes)", .dim)
            }
            c.text(" · kefu learn forget \(e.id) undoes it", .dim)
            c.newline()
        }
        if let report = library.reloadIfNeeded(force: true), !report.diagnostics.isEmpty {
            show { c in for d in report.diagnostics { c.line(d.description, .error) } }
        }
    }

    /// `:intent ID`: labels the last message with an intent (or `other`:
    /// no intent), confirmed at once, and answers it again.
    func labelMessage(_ argument: String) {
        let id = argument.trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty else {
            say("usage: :intent ID — labels the last message (:intents lists the ids; other: no intent)", .warning); return
        }
        guard let message else { say("no message yet: paste one, then :intent ID says what it is", .dim); return }
        guard id == otherIntentID || engine.library.intents[id] != nil else {
            let hint =
                engine.library.intents.keys.sorted().first { $0.hasPrefix(id.lowercased()) || $0.hasSuffix("." + id.lowercased()) }
                .map { " (did you mean '\($0)'?)" } ?? ""
            say("no intent '\(Canvas.oneLine(id))'\(hint) — :intents lists them", .warning)
            return
        }
        guard learning.store != nil else { say("learning is off (--no-learned or --no-user-packs): nothing saved", .warning); return }
        do {
            guard let lesson = try learning.label(message, intent: id, names: privateNames, normalizer: engine.normalizer) else {
                say("nothing to learn from an empty message", .dim)
                return
            }
            announce(lesson)
            threadAnswered(intent: id)
            if draftSource == .message { refreshDrafts() }
        } catch {
            say("not learned: \(error)", .warning)
        }
    }
}
