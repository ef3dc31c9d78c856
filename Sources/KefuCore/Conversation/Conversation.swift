/// One buyer's messages until the agent starts another thread (`:new`):
/// the values they gave, the intent they last asked about, and how many
/// messages came. The REPL keeps one per buyer; `kefu suggest` one per
/// `"thread"` id of its JSON records. The engine reads a thread only
/// through `context` (`SuggestionRequest.thread`), so it stays stateless.
///
/// A value the buyer gives again ("sorry, the order is 5678") replaces the
/// earlier one; a number the extractor cannot vouch for (a tracking number
/// whose check digit fails) drops the earlier value of its kind rather than
/// let a draft quote the old one against what the buyer just wrote.
package struct Conversation: Sendable {
    package let id: String
    /// Values found so far, one per kind, in the order first found.
    package private(set) var values: [Entity] = []
    /// The last intent the thread was confidently about (or the agent
    /// answered with): what a follow-up with no intent of its own leans
    /// toward.
    package private(set) var lastIntent: String?
    /// Messages answered in this thread.
    package private(set) var messages = 0

    /// Values that belong to another value of the message: a new tracking
    /// number given alone makes the earlier parcel's carrier and status
    /// unknown, not the old ones.
    static let dependents: [EntityKind: [EntityKind]] = [.trackingNumber: [.carrier, .parcelStatus]]

    package init(id: String) {
        self.id = id
    }

    /// What the next message is answered with.
    package var context: ThreadContext {
        ThreadContext(id: id, message: messages + 1, carried: values, lastIntent: lastIntent)
    }

    /// Takes what one answered message said into the thread: its values
    /// (the first of each kind, as drafts use them) and its first confident
    /// intent. A greeting or a thanks (`secondary` intents) says nothing
    /// about what the buyer is asking about: the thread keeps its intent.
    package mutating func absorb(_ s: Suggestion, library: SnippetLibrary) {
        messages += 1
        var seen = Set<EntityKind>()
        var given: [Entity] = []
        for e in s.entities where seen.insert(e.kind).inserted { given.append(e) }
        for e in given {
            for d in Self.dependents[e.kind] ?? [] where !seen.contains(d) { remove(d) }
            if e.isAmbiguous { remove(e.kind) } else { set(e) }
        }
        if let first = s.intents.first(where: { Self.leads(library.intents[$0.intent]) }) { lastIntent = first.intent }
    }

    /// The agent answered the thread with a draft of `intent` (a copy,
    /// `:intent`): that is what the buyer is talking about, whatever kefu
    /// read.
    package mutating func answered(intent: String, library: SnippetLibrary) {
        if Self.leads(library.intents[intent]) { lastIntent = intent }
    }

    /// An intent a follow-up can lean toward: a loaded one that is not
    /// `secondary` (the same rule as for a guess).
    static func leads(_ intent: IntentDefinition?) -> Bool { intent.map { !$0.secondary } ?? false }

    private mutating func set(_ e: Entity) {
        if let i = values.firstIndex(where: { $0.kind == e.kind }) { values[i] = e } else { values.append(e) }
    }

    private mutating func remove(_ kind: EntityKind) {
        values.removeAll { $0.kind == kind }
    }
}
