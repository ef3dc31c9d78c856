import Foundation
import KefuCore

/// `/word` and `:find word`: the search index of the engine in use, and
/// what the last search found.
struct Finding {
    /// The index and the engine it was built for (a reload builds another).
    var index: (engine: Engine, search: SnippetSearch)?
    /// The title the results were shown under and their snippet ids, in
    /// order: they are found results while they are the numbered drafts.
    var title: String?
    var ids: [String] = []
    /// Everything the search found, best first (`m` shows the next ones).
    var matches: [SnippetSearch.Match] = []
    var queryLanguage = Language.simplifiedChinese
}

/// Finding a snippet by a word (docs/repl.md, *Finding snippets*). The
/// search is `SnippetSearch`'s; the REPL shows its results as numbered
/// drafts, rendered for the message on the screen, and copying one works
/// like copying any draft (and teaches: `learnFromCopy`).
extension Session {
    /// Results shown at once; the title says when there are more.
    static let foundShown = 10

    /// The query of a typed `/word` (or `／word` from a Chinese input
    /// method); nil for any other line.
    static func findQuery(_ line: String) -> String? {
        guard let first = line.first, first == "/" || first == "／" else { return nil }
        return String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
    }

    /// Whether the numbered drafts are what the last search found.
    var showingFound: Bool {
        guard let title = finding.title, case .onDemand(let shown) = draftSource else { return false }
        return shown == title && drafts.map(\.snippet) == finding.ids
    }

    /// The line above each found result: its snippet id and intents.
    var foundLabel: ((Draft) -> String?)? {
        guard showingFound else { return nil }
        let snippets = engine.library.snippets
        return { d in
            let intents = snippets.first { $0.id == d.snippet }?.intents ?? []
            return d.snippet + (intents.isEmpty ? "" : " · " + intents.joined(separator: ", "))
        }
    }

    /// The index of the engine in use, built on first use after each reload.
    var snippetSearch: SnippetSearch {
        if let (built, search) = finding.index, built === engine { return search }
        let search = SnippetSearch(library: engine.library, normalizer: engine.normalizer)
        finding.index = (engine, search)
        return search
    }

    func find(_ query: String) {
        guard !query.isEmpty else {
            say("usage: /WORD or :find WORD — finds snippets by text, id or intent, in any script", .warning)
            return
        }
        reloadPacksIfChanged()
        let search = snippetSearch
        let matches = search.search(query)
        let shownQuery = "“" + DisplayWidth.truncate(Canvas.oneLine(query), width: 40) + "”"
        guard !matches.isEmpty else {
            let hint = search.didYouMean(query).map { " — did you mean \($0)?" } ?? ""
            say("no snippet matches \(shownQuery)\(hint)", .warning)
            return
        }
        let queryLanguage = engine.normalizer.normalize(query).language
        let list = rendered(matches, from: 0, queryLanguage: queryLanguage)
        guard !list.isEmpty else {
            say("\(Plural.count(matches.count, "snippet")) match \(shownQuery), but none has a text to show", .warning)
            return
        }
        var title = "found " + Plural.count(matches.count, "snippet") + " for " + shownQuery
        if matches.count > list.count { title += " — the first \(list.count) (m: more; a word more narrows)" }
        drafts = list
        draftSource = .onDemand(title)
        finding.title = title
        finding.ids = list.map(\.snippet)
        finding.matches = matches
        finding.queryLanguage = queryLanguage
        show { c in
            c.wrapped(title, width: width, .bold)
            DraftView.drafts(drafts[...], width: width, label: foundLabel, into: &c)
            DraftView.hint(count: drafts.count, canCombine: drafts.count > 1, width: width, into: &c)
        }
        freshDrafts = true
    }

    /// `m` after found results: the next ones, numbered on.
    func moreFound() {
        let shown = Set(finding.ids)
        let rest = finding.matches.filter { !shown.contains($0.snippet) }
        var next = rendered(rest, from: drafts.count, queryLanguage: finding.queryLanguage)
        guard !next.isEmpty else { say("no more snippets found", .dim); return }
        for i in next.indices { next[i].rank = drafts.count + i + 1 }
        let have = drafts.count
        drafts += next
        finding.ids = drafts.map(\.snippet)
        show { c in
            DraftView.drafts(drafts[have...], width: width, label: foundLabel, into: &c)
            DraftView.hint(count: drafts.count, canCombine: true, width: width, into: &c)
        }
        freshDrafts = true
    }

    /// Up to `foundShown` of `matches` rendered, numbered from `start + 1`.
    private func rendered(_ matches: [SnippetSearch.Match], from start: Int, queryLanguage: Language) -> [Draft] {
        var list: [Draft] = []
        for m in matches {
            guard list.count < Self.foundShown else { break }
            guard var d = render(m, queryLanguage: queryLanguage) else { continue }
            d.rank = start + list.count + 1
            list.append(d)
        }
        return list
    }

    /// A found snippet rendered like a draft: for the message on the
    /// screen, with its values, in the language drafts are in (with no
    /// message, a Chinese query's script). A snippet with no text in that
    /// language is shown in the language its text matched in, or any.
    private func render(_ m: SnippetSearch.Match, queryLanguage: Language) -> Draft? {
        let first: Language? = language ?? (message == nil ? (queryLanguage.isChinese ? queryLanguage : .simplifiedChinese) : nil)
        var tried: [Language?] = []
        for l in [first, m.language] + Language.allCases.map(Optional.some) where !tried.contains(l) {
            tried.append(l)
            if var d = library.suggest(message ?? "", request(maxDrafts: 1, snippet: m.snippet, language: l)).drafts.first {
                d.intent = d.intent ?? taughtIntent(of: m.intents)
                return d
            }
        }
        return nil
    }

    /// The intent a copy of a found snippet teaches: its only one; of
    /// several, the one kefu found most likely in the message, else the
    /// first the pack lists (its main one).
    private func taughtIntent(of intents: [String]) -> String? {
        guard intents.count > 1 else { return intents.first }
        let candidates = (suggestion?.intents ?? []) + (suggestion?.candidates ?? [])
        return candidates.first { intents.contains($0.intent) }?.intent ?? intents.first
    }
}
