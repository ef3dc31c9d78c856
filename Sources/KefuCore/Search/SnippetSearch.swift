import Foundation

/// Finding a snippet by a word (the REPL's `/word` and `:find word`): over
/// every loaded snippet's id, intents and text in every language it is
/// written in.
///
/// Query and snippets are folded the way messages are (`TextNormalizer`:
/// NFKC, case folding, Traditional → Simplified through OpenCC), so a
/// Simplified query finds a Traditional text, a Traditional query a
/// Simplified one, and English is matched without regard to case.
///
/// A query is split into terms at white space; a snippet is found when one
/// term matches. Results are ranked by, in order (docs/repl.md, *Finding
/// snippets*):
/// 1. the tier of the best match: the whole query is the snippet's id;
///    a term begins the id, an intent, or one of their words (split at
///    `.`, `-`, `_`); a term is inside the id, an intent or the text;
/// 2. more of the query's terms matched;
/// 3. the earlier the first match in the text (an id or intent match
///    counts as position 0);
/// 4. the pack's priority, then the id, so the order never depends on
///    load order.
package struct SnippetSearch: Sendable {
    package enum Tier: Int, Sendable, Comparable {
        case exactID = 0
        case prefix = 1
        case text = 2

        package static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
    }

    package struct Match: Sendable, Equatable {
        package var snippet: String
        package var intents: [String]
        package var tier: Tier
        /// How many of the query's distinct terms matched somewhere.
        package var matchedTerms: Int
        /// Where the first match begins in the folded text (scalars); 0 for
        /// an id or intent match.
        package var position: Int
        /// The language whose text matched first, when the text matched.
        package var language: Language?
    }

    /// One snippet, folded once.
    private struct Entry: Sendable {
        var id: String
        var intents: [String]
        var priority: Int
        /// The id and intents and their words, for prefix matches.
        var names: [String]
        var words: [String]
        var texts: [(Language, String)]
    }

    private let entries: [Entry]
    private let normalizer: TextNormalizer

    /// Folds every snippet of `library` (once per library: the REPL keeps
    /// one per engine).
    package init(library: SnippetLibrary, normalizer: TextNormalizer = TextNormalizer()) {
        self.normalizer = normalizer
        entries = library.snippets.map { s in
            let names = [s.id] + s.intents
            let texts = Language.allCases.compactMap { l in s.texts[l].map { (l, normalizer.fold(Self.literalText($0.segments))) } }
            return Entry(
                id: s.id, intents: s.intents, priority: s.priority, names: names,
                words: names.flatMap { Self.words($0) }, texts: texts)
        }
    }

    /// The terms of a query: folded, split at white space, each once.
    package func terms(_ query: String) -> [String] {
        var seen = Set<String>()
        return normalizer.fold(query).split(separator: " ").map(String.init).filter { seen.insert($0).inserted }
    }

    /// Every snippet `query` finds, best first.
    package func search(_ query: String) -> [Match] {
        let terms = terms(query)
        guard !terms.isEmpty else { return [] }
        let whole = terms.joined(separator: " ")
        var matches: [(Match, Int)] = []
        for e in entries {
            var tier = Tier.text
            var matched = 0
            var position = Int.max
            var language: Language?
            for term in terms {
                var hit = false
                if e.names.contains(where: { $0.hasPrefix(term) }) || e.words.contains(where: { $0.hasPrefix(term) }) {
                    tier = min(tier, .prefix)
                    position = 0
                    hit = true
                } else if e.names.contains(where: { $0.contains(term) }) {
                    position = 0
                    hit = true
                }
                for (l, text) in e.texts {
                    guard let at = Self.offset(of: term, in: text) else { continue }
                    hit = true
                    if at < position { position = at }
                    if language == nil { language = l }
                }
                if hit { matched += 1 }
            }
            guard matched > 0 else { continue }
            if e.id == whole { tier = .exactID; position = 0 }
            matches.append(
                (
                    Match(snippet: e.id, intents: e.intents, tier: tier, matchedTerms: matched, position: position, language: language),
                    e.priority
                ))
        }
        matches.sort { a, b in
            if a.0.tier != b.0.tier { return a.0.tier < b.0.tier }
            if a.0.matchedTerms != b.0.matchedTerms { return a.0.matchedTerms > b.0.matchedTerms }
            if a.0.position != b.0.position { return a.0.position < b.0.position }
            if a.1 != b.1 { return a.1 > b.1 }
            return a.0.snippet < b.0.snippet
        }
        return matches.map(\.0)
    }

    /// The id, intent or word of one nearest a query that found nothing
    /// ("logistcs" → "logistics"), by the project's one spelling rule.
    package func didYouMean(_ query: String) -> String? {
        let folded = terms(query).joined(separator: " ")
        guard !folded.isEmpty else { return nil }
        var candidates = Set<String>()
        for e in entries {
            candidates.formUnion(e.names)
            candidates.formUnion(e.words.filter { $0.count >= 3 })
        }
        return SpellingSuggestion.closest(to: folded, in: candidates.sorted())
    }

    /// The words of an id (`refund-return.steps` → refund, return, steps).
    static func words(_ id: String) -> [String] {
        id.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" }).map(String.init)
    }

    /// What a template says, without its tags: what an agent remembers of
    /// a reply. Sections' text is included; values and partials are not.
    static func literalText(_ segments: [Template.Segment]) -> String {
        var out = ""
        for s in segments {
            switch s {
            case .text(let t): out += t
            case .section(_, _, let inner): out += " " + literalText(inner) + " "
            case .variable, .partial: out += " "
            }
        }
        return out
    }

    /// The offset in Unicode scalars of the first `term` in `text`.
    static func offset(of term: String, in text: String) -> Int? {
        guard let r = text.range(of: term) else { return nil }
        return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound)
    }
}
