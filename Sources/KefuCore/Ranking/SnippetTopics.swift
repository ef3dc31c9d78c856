/// Which drafts a message is about: every snippet's `about:` phrases in one
/// automaton, so a message is scanned once however many snippets declare
/// topics (a pack of 10,000 snippets costs the same scan as one).
struct SnippetTopics: Sendable {
    private let matcher: PhraseAutomatonHandle
    /// Per phrase (in automaton order): the snippets that declare it.
    private let owners: [[Int]]
    private let phrases: [String]
    /// Per snippet: whether it declares `about:` at all.
    let declared: [Bool]

    init(snippets: [SnippetDefinition], normalizer: TextNormalizer) {
        var index: [String: Int] = [:]
        var folded: [String] = []
        var owners: [[Int]] = []
        var phrases: [String] = []
        for (i, s) in snippets.enumerated() {
            for phrase in s.about {
                let key = normalizer.fold(phrase)
                if let n = index[key] {
                    if owners[n].last != i { owners[n].append(i) }
                } else {
                    index[key] = folded.count
                    folded.append(key)
                    owners.append([i])
                    phrases.append(phrase)
                }
            }
        }
        self.matcher = PhraseAutomatonHandle(phrases: folded)
        self.owners = owners
        self.phrases = phrases
        self.declared = snippets.map { !$0.about.isEmpty }
    }

    /// The snippets `text` (folded scalars) is about, each with the first
    /// phrase of its that the message mentions.
    func mentioned(in text: [UInt32]) -> [Int: String] {
        var found: [Int: String] = [:]
        guard !owners.isEmpty else { return found }
        matcher.scan(text) { id in
            for s in owners[id] where found[s] == nil { found[s] = phrases[id] }
        }
        return found
    }
}
