import Foundation
import KefuCore

/// What the screen and the keys work on for one buyer: kept aside while
/// another buyer is active, put back when the agent switches to them.
struct BuyerState {
    /// Values the agent set for this buyer (`:set`, filled blanks).
    var sessionVariables: [String: String] = [:]
    /// `:lang`; nil: the buyer's language.
    var language: Language?
    var message: String?
    var suggestion: Suggestion?
    var drafts: [Draft] = []
    var draftSource = Session.DraftSource.message
}

/// One open conversation: a buyer, their thread (values found so far, the
/// intent it is about) and the messages of it.
struct Buyer {
    /// Shown in `:buyers` and the prompt; never reused in one session.
    let number: Int
    /// As the agent typed it, made inert and put on one line; nil for the
    /// buyer kefu starts with until the agent names them.
    var name: String?
    var conversation: Conversation
    /// This thread's messages, oldest first.
    var messages: [String] = []
    /// The thread as it was before the message on screen: what that
    /// message was answered with, and is answered with again when the
    /// drafts are redrawn (`:set`, `m`, `:reload`) — the message's own
    /// values are then not "from earlier".
    var messageContext: ThreadContext?
    /// When the last message came (or the buyer was opened): `:buyers`' age.
    var lastActive: Date
    var state = BuyerState()

    var label: String { name.map { "\(number) \($0)" } ?? String(number) }
}

/// The buyers open in one REPL session and which one is active. The
/// session's own variables are the active buyer's state (`Session+Threads`
/// swaps them); the book keeps the rest, and every buyer's thread.
struct BuyerBook {
    let sessionID: String
    private(set) var buyers: [Buyer]
    private(set) var activeIndex = 0
    /// Threads started in this session: each one's id is new.
    private var threads = 1
    /// Names are shown in at most this many columns (prompt, lists).
    static let nameWidth = 16

    init(sessionID: String, now: Date = Date()) {
        self.sessionID = sessionID
        buyers = [Buyer(number: 1, conversation: Conversation(id: Self.threadID(session: sessionID, number: 1)), lastActive: now)]
    }

    /// A thread id unique across REPLs writing one usage log.
    static func threadID(session: String, number: Int) -> String { "\(session)-\(number)" }

    var active: Buyer {
        get { buyers[activeIndex] }
        set { buyers[activeIndex] = newValue }
    }

    /// The prompt names the active buyer once there is a choice to make
    /// or a name to show: the prompt of a one-buyer session is unchanged.
    var showsActive: Bool { buyers.count > 1 || active.name != nil }

    /// The buyer a `:buyer` argument means: a number, or a name (compared
    /// without case).
    func index(of argument: String) -> Int? {
        if let n = Int(argument) { return buyers.firstIndex { $0.number == n } }
        guard let wanted = Self.clean(argument)?.lowercased() else { return nil }
        return buyers.firstIndex { $0.name?.lowercased() == wanted }
    }

    /// A typed name as it is kept: inert (control characters shown, not
    /// obeyed), on one line, trimmed; nil when nothing is left.
    static func clean(_ typed: String) -> String? {
        let s = Canvas.oneLine(typed).trimmingCharacters(in: .whitespaces)
        return s.isEmpty ? nil : s
    }

    /// Opens a buyer named `name` and returns its index. The buyer kefu
    /// started with, still untouched (no name, message or value), takes
    /// the name instead of staying as an empty second buyer.
    mutating func open(named name: String, untouched: Bool, now: Date = Date()) -> Int {
        if buyers.count == 1, untouched, buyers[0].name == nil, buyers[0].messages.isEmpty {
            buyers[0].name = name
            return 0
        }
        threads += 1
        let number = (buyers.map(\.number).max() ?? 0) + 1
        buyers.append(
            Buyer(
                number: number, name: name, conversation: Conversation(id: Self.threadID(session: sessionID, number: threads)),
                lastActive: now))
        return buyers.count - 1
    }

    /// Makes buyer `index` the active one.
    mutating func activate(_ index: Int) { activeIndex = index }

    /// `:new`: the active buyer starts another thread, with nothing carried.
    mutating func newThread(now: Date = Date()) {
        threads += 1
        active.conversation = Conversation(id: Self.threadID(session: sessionID, number: threads))
        active.messages = []
        active.messageContext = nil
        active.lastActive = now
    }

    /// A message of the active buyer is about to be answered: the thread's
    /// context for it (kept for redraws).
    mutating func begin(_ message: String, now: Date = Date()) -> ThreadContext {
        let context = active.conversation.context
        active.messageContext = context
        active.messages.append(message)
        active.lastActive = now
        return context
    }

    /// "3m", "2h", "1d": how long ago a buyer last wrote.
    static func age(since: Date, now: Date = Date()) -> String {
        let s = max(0, Int(now.timeIntervalSince(since)))
        switch s {
        case ..<60: return "\(s)s"
        case ..<3600: return "\(s / 60)m"
        case ..<86400: return "\(s / 3600)h"
        default: return "\(s / 86400)d"
        }
    }
}
