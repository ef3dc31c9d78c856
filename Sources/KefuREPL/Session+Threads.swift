import Foundation
import KefuCore

/// Threads and several buyers in the REPL (docs/repl.md, *Threads and
/// several buyers*). Each buyer has a thread (`Conversation`, in KefuCore,
/// shared with `kefu suggest`): values found in earlier messages fill later
/// drafts, a follow-up with no intent of its own leans toward the thread's
/// intent. The session's variables (`sessionVariables`, `message`,
/// `drafts`...) are the active buyer's; switching puts them aside in the
/// `BuyerBook` and brings the other buyer's back.
extension Session {
    // MARK: Messages

    /// The thread a request for the message on screen is answered with:
    /// as it was before that message, so redrawing its drafts gives the
    /// same answer and its own values are not "from earlier".
    var threadContext: ThreadContext? { buyers.active.messageContext }

    /// A buyer message is about to be answered.
    func beginThreadMessage(_ text: String) {
        _ = buyers.begin(text)
    }

    /// A buyer message was answered: what it said goes into the thread.
    func absorbIntoThread(_ s: Suggestion) {
        buyers.active.conversation.absorb(s, library: engine.library)
    }

    /// The agent answered with a draft of `intent` (a copy, `:intent`):
    /// the thread is about that, whatever kefu read.
    func threadAnswered(intent: String?) {
        guard let intent else { return }
        buyers.active.conversation.answered(intent: intent, library: engine.library)
    }

    /// Names the usage log and learned examples must not keep: the
    /// buyers' names typed with `:buyer NAME`.
    var buyerNames: [String] { buyers.buyers.compactMap(\.name) }

    // MARK: Commands

    /// `:new`: a fresh thread for the active buyer. The message, drafts,
    /// values set with `:set`, the language and everything carried from
    /// earlier messages are forgotten; the buyer's name stays.
    func newThread() {
        buyers.newThread()
        learning.thread = buyers.active.conversation.id
        load(BuyerState(language: settings.language))
        show { c in
            let who = buyers.showsActive ? " for buyer " + buyers.active.label : ""
            c.line(String(repeating: "─", count: min(width, 40)) + " new thread" + who, .dim)
        }
    }

    /// `:buyers`: the open threads, the active one marked.
    func listBuyers() {
        let now = Date()
        let nameWidth = min(BuyerBook.nameWidth, buyers.buyers.map { DisplayWidth.of($0.name ?? "") }.max() ?? 0)
        let intentWidth = max(8, buyers.buyers.map { ($0.conversation.lastIntent ?? "—").count }.max() ?? 0)
        show { c in
            for (i, b) in buyers.buyers.enumerated() {
                let active = i == buyers.activeIndex
                c.text(active ? "› " : "  ", .bold)
                c.text(String(b.number), .number)
                c.text(" ")
                let name = DisplayWidth.truncate(b.name ?? "", width: nameWidth)
                c.text(name, active ? .bold : nil)
                c.spaces(nameWidth - DisplayWidth.of(name) + 2)
                let intent = b.conversation.lastIntent ?? "—"
                c.text(intent, .intent)
                c.spaces(intentWidth - intent.count + 2)
                c.text(Plural.count(b.messages.count, "message") + "  ")
                c.line(BuyerBook.age(since: b.lastActive, now: now), .dim)
            }
            c.line("  :buyer N or :buyer NAME switches (a new NAME opens a buyer) · :new starts this buyer's thread again", .dim)
        }
    }

    /// `:buyer N`, `:buyer NAME`: switches to that buyer, opening a new
    /// one for a name not seen yet. Without an argument: `:buyers`.
    func switchBuyer(_ argument: String) {
        let typed = argument.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { listBuyers(); return }
        var index = buyers.index(of: typed)
        if index == nil {
            guard Int(typed) == nil else { say("no buyer \(typed) — :buyers lists them (a name opens a new one)", .warning); return }
            guard let name = BuyerBook.clean(typed) else { say("usage: :buyer N or :buyer NAME", .warning); return }
            let untouched = sessionVariables.isEmpty && message == nil
            let opened = buyers.open(named: name, untouched: untouched)
            index = opened
            if opened == buyers.activeIndex {
                say("this buyer is now \(buyers.active.label)", .dim)
                return
            }
        }
        guard let index else { return }
        if index == buyers.activeIndex {
            say("buyer \(buyers.active.label) is already the active one", .dim)
            return
        }
        buyers.active.state = current()
        buyers.activate(index)
        learning.thread = buyers.active.conversation.id
        load(buyers.active.state)
        let b = buyers.active
        show { c in
            c.text(String(repeating: "─", count: min(width, 24)) + " buyer ", .dim)
            c.text(b.label, .bold)
            var facts = [Plural.count(b.messages.count, "message")]
            if let intent = b.conversation.lastIntent { facts.append("about " + intent) }
            c.line(" · " + facts.joined(separator: " · "), .dim)
            // Which conversation this is, at a glance: the buyer's last words.
            if let last = b.messages.last {
                c.text("  last message: ", .dim)
                c.line(DisplayWidth.truncate(Canvas.oneLine(last), width: max(10, width - 18)))
            }
        }
        if !drafts.isEmpty { TerminalIO.write(currentDraftsBlock()) }
    }

    /// The active buyer's state as the session holds it.
    private func current() -> BuyerState {
        BuyerState(
            sessionVariables: sessionVariables, language: language, message: message, suggestion: suggestion, drafts: drafts,
            draftSource: draftSource)
    }

    /// Makes `state` what the screen and the keys work on.
    private func load(_ state: BuyerState) {
        sessionVariables = state.sessionVariables
        language = state.language
        message = state.message
        suggestion = state.suggestion
        drafts = state.drafts
        draftSource = state.draftSource
        freshDrafts = false
        copyOrigin = nil
    }

    // MARK: Display

    /// The prompt's buyer part, ` [2 alice]`: only once there is more than
    /// one buyer or a name (the one-buyer prompt is unchanged).
    var buyerPromptPart: (String, Tone?)? {
        guard buyers.showsActive else { return nil }
        let b = buyers.active
        let name = b.name.map { " " + DisplayWidth.truncate($0, width: BuyerBook.nameWidth) } ?? ""
        return (" [\(b.number)\(name)]", .number)
    }

    /// `:vars` rows for the values carried from earlier messages of this
    /// thread that the drafts on screen use.
    var carriedRows: [(name: String, value: String)] {
        (suggestion?.thread?.carried ?? []).map { ($0.kind.rawValue, $0.displayValue) }
    }
}
