import Foundation

/// The truth rule over loaded snippets (docs/snippet-packs.md, "Truth rule"),
/// run by `kefu test` and `kefu plugins validate`:
///
/// 1. Every fact a snippet declares under `asserts:` has a source: one of
///    `Assertion.sources` under `when: has:` (or `equals:`), or every claim
///    of it sits inside a `{{#source}}` section.
/// 2. A fact that the message can contradict is ruled out by it: each of
///    `Assertion.contradictedBy` under `when: lacks:`, or every claim of it
///    inside a `{{^var}}` section.
/// 3. A text that says one of `ClaimLexicon`'s phrases declares the fact.
///
/// Not a load error: a pack that breaks the rule still loads and works (an
/// agent reads a draft before sending it), but its tests fail.
package struct TruthAudit: Sendable {
    private let library: SnippetLibrary
    /// Partials resolved as drafts resolve them, so the audit reads what is sent.
    private let templates: DraftTemplates
    private let zh: ScalarTermMatcher
    private let en: ScalarTermMatcher

    package init(library: SnippetLibrary) {
        self.library = library
        self.templates = DraftTemplates(library: library)
        func matcher(_ phrases: [(String, Assertion?)]) -> ScalarTermMatcher {
            ScalarTermMatcher(phrases.map { ($0.0, $0.1?.rawValue ?? "") })
        }
        zh = matcher(ClaimLexicon.chinese)
        en = matcher(ClaimLexicon.english)
    }

    /// One claim phrase found in a snippet's text.
    package struct Claim: Sendable, Hashable {
        package var assertion: Assertion
        package var phrase: String
        package var location: SourceLocation
        /// A source of the fact is known where the phrase is (by `when:` or an enclosing section).
        package var sourced: Bool
        /// Variables that could contradict the fact and are not ruled out where the phrase is.
        package var unexcluded: [String]
    }

    /// Problems of the snippets whose file is in `files` (all when nil).
    package func run(files: Set<String>? = nil) -> [Diagnostic] {
        library.snippets.filter { files?.contains($0.location.file) ?? true }.flatMap(audit)
    }

    package func audit(_ snippet: SnippetDefinition) -> [Diagnostic] {
        let c = snippet.conditions
        let known = Set(c.has).union(c.equals.keys)
        let claims = self.claims(in: snippet)
        var problems: [Diagnostic] = []
        let declaredAt = snippet.assertsLocation ?? snippet.location
        for a in Assertion.allCases where snippet.asserts.contains(a) {
            let own = claims.filter { $0.assertion == a }
            // A claim the lexicon does not know is taken to sit in the
            // section every text opens on a source.
            let hasSource =
                a.sources.contains(where: known.contains)
                || (own.isEmpty ? everyTextOpensSection(of: a.sources, snippet) : own.allSatisfy(\.sourced))
            if !hasSource {
                let options = a.sources.map { "'\($0)'" }.joined(separator: " or ")
                problems.append(
                    Diagnostic(
                        "snippet '\(snippet.id)' asserts '\(a.rawValue)' without a source: add `when: has: [...]` with \(options), or say it only inside a {{#...}} section of one; otherwise write a checking form (\"let me check\")",
                        at: declaredAt))
            }
            for v in a.contradictedBy where !c.lacks.contains(v) && (own.isEmpty || own.contains { $0.unexcluded.contains(v) }) {
                problems.append(
                    Diagnostic(
                        "snippet '\(snippet.id)' asserts '\(a.rawValue)', which '\(v)' from the message contradicts: add `when: lacks: [\(v)]`",
                        at: declaredAt))
            }
        }
        var reported: Set<String> = []
        for claim in claims where !snippet.asserts.contains(claim.assertion) {
            guard reported.insert("\(claim.location)\(claim.assertion)").inserted else { continue }
            let source = claim.assertion.sources.map { "'\($0)'" }.joined(separator: " or ")
            problems.append(
                Diagnostic(
                    "snippet '\(snippet.id)' says “\(claim.phrase)”, which states '\(claim.assertion.rawValue)': declare `asserts: [\(claim.assertion.rawValue)]` with a source (`when: has:` \(source)), or rewrite it as a checking form",
                    at: claim.location))
        }
        return problems
    }

    /// Whether every text of the snippet has a `{{#name}}` section on one of `names`.
    func everyTextOpensSection(of names: [String], _ snippet: SnippetDefinition) -> Bool {
        func opens(_ segments: [Template.Segment]) -> Bool {
            segments.contains { segment in
                guard case .section(let name, let inverted, let inner) = segment else { return false }
                return !inverted && names.contains(name) || opens(inner)
            }
        }
        return !snippet.texts.isEmpty && snippet.texts.values.allSatisfy { opens($0.segments) }
    }

    /// Every claim phrase in the texts the snippet's pack wrote (a converted
    /// Traditional text says what its Simplified one says), partials included.
    package func claims(in snippet: SnippetDefinition) -> [Claim] {
        let c = snippet.conditions
        var out: [Claim] = []
        for language in Language.allCases {
            guard let template = snippet.texts[language] else { continue }
            let origin = snippet.textOrigins[language]
            var walker = Walker(audit: self, language: language, template: template, origin: origin, fallback: snippet.location)
            walker.walk(template.segments, known: Set(c.has).union(c.equals.keys), unknown: Set(c.lacks), inPartial: nil, depth: 0)
            out += walker.claims
        }
        return out
    }

    fileprivate func matches(_ text: String, language: Language) -> [ScalarTermMatcher.Match] {
        switch language {
        case .english: en.matches(in: text)
        case .simplifiedChinese: zh.matches(in: text)
        case .traditionalChinese: zh.matches(in: ChineseConverter.shared.convert(text, .toSimplified))
        }
    }

    fileprivate func partial(_ name: String, language: Language) -> Template? {
        templates.partial(name, language: language)
    }
}

/// The walk over one text: which variables are known and unknown at each
/// piece of text, and the claims found there.
private struct Walker {
    let audit: TruthAudit
    let language: Language
    let template: Template
    let origin: TextOrigin?
    let fallback: SourceLocation
    var claims: [TruthAudit.Claim] = []
    /// Where to look for the next phrase in the source, so that a phrase said
    /// twice is reported at each place.
    var searchFrom: String.Index

    init(audit: TruthAudit, language: Language, template: Template, origin: TextOrigin?, fallback: SourceLocation) {
        self.audit = audit
        self.language = language
        self.template = template
        self.origin = origin
        self.fallback = fallback
        self.searchFrom = template.source.startIndex
    }

    mutating func walk(_ segments: [Template.Segment], known: Set<String>, unknown: Set<String>, inPartial: String?, depth: Int) {
        for segment in segments {
            switch segment {
            case .text(let text):
                for m in audit.matches(text, language: language) {
                    guard let a = Assertion(rawValue: m.label) else { continue }
                    let at = inPartial == nil ? locate(m.term) : fallback
                    claims.append(
                        TruthAudit.Claim(
                            assertion: a, phrase: m.term, location: at,
                            sourced: a.sources.contains(where: known.contains),
                            unexcluded: a.contradictedBy.filter { !unknown.contains($0) }))
                }
            case .variable: break
            case .section(let name, let inverted, let inner):
                walk(
                    inner, known: inverted ? known : known.union([name]), unknown: inverted ? unknown.union([name]) : unknown,
                    inPartial: inPartial, depth: depth)
            case .partial(let name):
                guard depth < 8, let p = audit.partial(name, language: language) else { continue }
                walk(p.segments, known: known, unknown: unknown, inPartial: name, depth: depth + 1)
            }
        }
    }

    /// The file position of a phrase: its next occurrence in the template's
    /// source, mapped through where the text starts in the file.
    mutating func locate(_ phrase: String) -> SourceLocation {
        let source = template.source
        guard let origin, let r = source.range(of: phrase, options: .caseInsensitive, range: searchFrom..<source.endIndex) else {
            return origin?.start ?? fallback
        }
        searchFrom = r.upperBound
        var line = 1, column = 1
        for s in source[..<r.lowerBound].unicodeScalars {
            if s == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return origin.location(line: line, column: column)
    }
}
