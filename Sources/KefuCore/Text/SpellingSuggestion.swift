/// "did you mean ...?" for every misspelt name kefu reports (pack keys,
/// kinds, assertions, variables, intents, partials, config.yaml keys, the
/// REPL's `:set`): one rule, so every message suggests alike.
package enum SpellingSuggestion {
    /// The candidate nearest `word` by edit distance, when it is near enough
    /// to be a slip (two edits, or a third of the word's length if longer).
    package static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word, $0)) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let (best, d) = scored, d <= max(2, word.count / 3) else { return nil }
        return best
    }

    /// "did you mean 'x'?" for the nearest candidate, the hint every
    /// diagnostic and REPL message gives a misspelt name; nil when none is near.
    package static func hint(for word: String, in candidates: [String]) -> String? {
        closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// Levenshtein distance over characters, one row at a time.
    package static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return row[b.count]
    }
}
