import Foundation

/// The examples kefu learned, kept in `$XDG_STATE_HOME/kefu/learned/`:
///
/// - `learned.json`: every example with its votes and times (the store);
/// - `learned.yaml`: the same examples as a pack (`LearnedPack`), which
///   the search path loads after every other layer (`PackLayer.learned`),
///   so a learned example answers the very next message once the REPL
///   reloads its packs.
///
/// Every change is read-modify-write under an exclusive lock (`.lock`),
/// and both files are replaced atomically: two REPLs teaching at once take
/// turns and neither loses the other's example. Both files are 0600.
package struct LearnedStore: Sendable {
    package let directory: String
    package var cap: Int

    package init(directory: String, cap: Int = LearningPolicy.cap) {
        self.directory = directory
        self.cap = cap
    }

    package var storePath: String { directory + "/learned.json" }
    package var packPath: String { directory + "/learned.yaml" }
    var lockPath: String { directory + "/.lock" }

    struct File: Codable {
        var version = 1
        var nextID = 1
        var examples: [LearnedExample] = []

        enum CodingKeys: String, CodingKey {
            case version, examples
            case nextID = "next_id"
        }
    }

    /// What a vote did.
    package enum Outcome: Sendable, Equatable {
        /// A new example.
        case added
        /// One more vote for an example already learned (`confirmedNow`: this
        /// vote confirmed it).
        case voted(confirmedNow: Bool)
    }

    /// The examples, in id order. A missing store is empty; an unreadable
    /// one is an error (it is never overwritten silently).
    package func examples() throws -> [LearnedExample] { try read().examples }

    private func read() throws -> File {
        guard FileManager.default.fileExists(atPath: storePath) else { return File() }
        let data = try Data(contentsOf: URL(fileURLWithPath: storePath))
        do {
            return try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw PrivateFileError("\(storePath) is not a learned-examples store kefu can read (\(error)); move it aside to start again")
        }
    }

    private func write(_ file: File) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try PrivateFiles.writeAtomically(try encoder.encode(file), to: storePath)
        try PrivateFiles.writeAtomically(Data(LearnedPack.yaml(file.examples).utf8), to: packPath)
    }

    private func update<T>(_ change: (inout File) throws -> T) throws -> T {
        try PrivateFiles.withLock(lockPath) {
            var file = try read()
            let result = try change(&file)
            try write(file)
            return result
        }
    }

    /// One vote: `text` (already redacted) is an example of `intent`.
    /// `votes`: how much the vote counts (a label or an import confirms at
    /// once). A correction or a label takes the message away from any other
    /// intent it was learned as: the agent said kefu's reading was wrong.
    @discardableResult
    package func vote(
        text: String, folded: String, language: Language, intent: String, source: LearnedExample.Source,
        votes: Int = 1, now: Date = Date()
    ) throws -> (example: LearnedExample, outcome: Outcome) {
        let results = try update { file in
            try Self.vote(
                &file, text: text, folded: folded, language: language, intent: intent, source: source, votes: votes, now: now, cap: cap)
        }
        return results
    }

    /// Many votes in one update (`kefu learn import`): returns how many
    /// examples were added and how many were already there.
    package func voteAll(
        _ rows: [(text: String, folded: String, language: Language, intent: String)], source: LearnedExample.Source,
        votes: Int, now: Date = Date()
    ) throws -> (added: Int, known: Int) {
        try update { file in
            var added = 0, known = 0
            for r in rows {
                let (_, outcome) = try Self.vote(
                    &file, text: r.text, folded: r.folded, language: r.language, intent: r.intent, source: source, votes: votes, now: now,
                    cap: .max)
                if outcome == .added { added += 1 } else { known += 1 }
            }
            Self.enforceCap(&file, cap: cap)
            return (added, known)
        }
    }

    private static func vote(
        _ file: inout File, text: String, folded: String, language: Language, intent: String, source: LearnedExample.Source,
        votes: Int, now: Date, cap: Int
    ) throws -> (LearnedExample, Outcome) {
        guard !folded.isEmpty else { throw PrivateFileError("an empty message teaches nothing") }
        let time = UsageRecord.timestamp(now)
        if source == .correction || source == .label {
            file.examples.removeAll { $0.folded == folded && $0.intent != intent }
        }
        if let i = file.examples.firstIndex(where: { $0.folded == folded && $0.intent == intent }) {
            let was = file.examples[i].confirmed
            file.examples[i].votes += votes
            file.examples[i].lastVote = time
            // A deliberate label outranks how it was first learned.
            if source == .label || source == .imported { file.examples[i].source = source }
            return (file.examples[i], .voted(confirmedNow: !was && file.examples[i].confirmed))
        }
        let example = LearnedExample(
            id: file.nextID, intent: intent, text: text, folded: folded, language: language, votes: votes, source: source,
            learned: time, lastVote: time)
        file.nextID += 1
        file.examples.append(example)
        enforceCap(&file, cap: cap)
        return (example, .added)
    }

    /// Past the cap, the least recently voted unconfirmed examples go
    /// first, then the least recently voted confirmed ones.
    private static func enforceCap(_ file: inout File, cap: Int) {
        let excess = file.examples.count - cap
        guard excess > 0 else { return }
        let order = file.examples.indices.sorted { a, b in
            let x = file.examples[a], y = file.examples[b]
            if x.confirmed != y.confirmed { return !x.confirmed }
            if x.lastVote != y.lastVote { return x.lastVote < y.lastVote }
            return x.id < y.id
        }
        let drop = Set(order.prefix(excess))
        file.examples = file.examples.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
    }

    /// Removes examples by id; returns those removed.
    package func forget(_ ids: Set<Int>) throws -> [LearnedExample] {
        try update { file in
            let gone = file.examples.filter { ids.contains($0.id) }
            file.examples.removeAll { ids.contains($0.id) }
            return gone
        }
    }
}
