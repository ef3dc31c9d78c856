import KefuCore

/// What a thread gave an answer, on the screen: a follow-up's intent and
/// the values carried from earlier messages, each marked as such — never
/// mistaken for what this message says (`found`) or what the agent set.
extension DraftView {
    /// `? follow-up of logistics? — a guess, not sure`: hedged like any guess.
    static func followUp(_ intent: String, into c: inout Canvas) {
        c.text("? ", .warning)
        c.text("follow-up of ", .dim)
        c.text(intent, .intent)
        c.text("?", .warning)
        c.text(" — a guess, not sure", .dim)
    }

    /// `?` on a follow-up: why its drafts answer an intent it does not show.
    static func followUpNote(_ s: Suggestion, into c: inout Canvas) {
        guard let lean = s.thread?.followUpOf else { return }
        c.text("  follow-up of ", .dim)
        c.text(lean, .intent)
        c.line(": no intent of its own is confident, so it is answered from the thread's intent (a guess)", .dim)
    }

    /// `  from earlier order_id=1234567890  size=M`, under `found`.
    static func carried(_ s: Suggestion, into c: inout Canvas) {
        guard let carried = s.thread?.carried, !carried.isEmpty else { return }
        c.text("  from earlier ", .dim)
        c.text(entitySummary(carried))
        c.newline()
    }
}
