/// The one place the drafts of an answer are chosen.
///
/// Pack snippets (ordered by `DraftRanker`), code plugins' and external
/// plugins' drafts (`DraftProvider`s) are merged on one scale, one draft per
/// snippet id, then rendered and checked in order: only the drafts shown are
/// rendered, every `DraftCheck` sees them, and a draft a check blocks is
/// replaced by the next candidate. Everything that decides which draft an
/// agent sees first lives here or in `DraftRanker`.
struct DraftStage: Sendable {
    let library: SnippetLibrary
    let ranker: DraftRanker
    let templates: DraftTemplates
    let checks: [any DraftCheck]
    /// Snippet indices per intent, on-demand snippets left out.
    let snippetsByIntent: [String: [Int]]
    /// The generic snippets offered when nothing is plausible.
    let fallbacks: [Int]

    /// The confidence a generic plugin draft is ranked with: below any
    /// plausible intent's drafts, among the packs' generic ones.
    static let genericConfidence = 0.3

    init(library: SnippetLibrary, checks: [any DraftCheck], normalizer: TextNormalizer) {
        self.library = library
        self.ranker = DraftRanker(snippets: library.snippets, normalizer: normalizer)
        self.templates = DraftTemplates(library: library)
        self.checks = checks
        var index: [String: [Int]] = [:]
        var fallbacks: [Int] = []
        for (i, s) in library.snippets.enumerated() where !s.onDemand {
            for intent in s.intents { index[intent, default: []].append(i) }
            if s.fallback { fallbacks.append(i) }
        }
        self.snippetsByIntent = index
        self.fallbacks = fallbacks
    }

    /// What one answer needs.
    struct Request {
        /// The intents the drafts answer: confident ones, or a hedged answer's guesses.
        var answered: [DetectedIntent]
        /// A close runner-up that is not confident: its best draft is offered
        /// within the first three, so that one of them fits either reading.
        var runnerUp: DetectedIntent?
        /// An on-demand snippet asked for by id instead.
        var snippet: String?
        var language: Language
        var values: [String: String]
        var tone: ToneReading
        var message: NormalizedText
        var provided: [ProvidedDraft]
        var limit: Int
        var explain: Bool
        /// Pick-rate moves by snippet id (`SuggestionRequest.picks`).
        var picks: [String: PickAdjustment] = [:]

        /// Nothing plausible: generic drafts.
        var generic: Bool { snippet == nil && answered.isEmpty }
    }

    /// A draft waiting to be rendered.
    private enum Candidate {
        case pack(DraftRanker.Candidate)
        case provided(ProvidedDraft, score: Double, reasons: [String])

        var score: Double {
            switch self {
            case .pack(let c): Draft.rounded(c.score)
            case .provided(_, let score, _): score
            }
        }
    }

    func drafts(_ r: Request) -> [Draft] {
        let limit = max(0, r.limit)
        var queue = cover(merge(packCandidates(r, limit: limit), providedCandidates(r)), r)[...]
        var drafts: [Draft] = []
        // Render what is missing, check it, and go again while a check
        // blocked something and candidates remain.
        while drafts.count < limit, !queue.isEmpty {
            var batch: [Draft] = []
            while drafts.count + batch.count < limit, let c = queue.popFirst() {
                if let d = render(c, r) { batch.append(d) }
            }
            drafts += check(batch, message: r.message)
        }
        for i in drafts.indices { drafts[i].rank = i + 1 }
        return drafts
    }

    /// The first three drafts answer each of the two likeliest intents
    /// (the answered ones and a close runner-up): when the first drafts
    /// all answer one of them, the other's best draft takes the third place
    /// (or the last, with fewer than three).
    private func cover(_ queue: [Candidate], _ r: Request) -> [Candidate] {
        let likeliest = Array((r.answered + (r.runnerUp.map { [$0] } ?? [])).prefix(2)).map(\.intent)
        let slot = min(3, max(1, r.limit)) - 1
        guard likeliest.count == 2, slot > 0, queue.count > slot else { return queue }
        var out = queue
        for intent in likeliest where !out.prefix(slot + 1).contains(where: { intentOf($0) == intent }) {
            guard let at = out.indices.first(where: { $0 > slot && intentOf(out[$0]) == intent }) else { continue }
            out.insert(out.remove(at: at), at: slot)
        }
        return out
    }

    private func intentOf(_ c: Candidate) -> String? {
        switch c {
        case .pack(let p): p.intent
        case .provided(let p, _, _): p.intent
        }
    }

    private func packCandidates(_ r: Request, limit: Int) -> [DraftRanker.Candidate] {
        if let id = r.snippet {
            return library.snippets.indices.filter { library.snippets[$0].id == id }
                .map { DraftRanker.Candidate(snippet: $0, intent: nil, score: 1, reasons: r.explain ? ["asked for by id"] : []) }
        }
        if r.generic {
            return ranker.fallback(fallbacks, language: r.language, values: r.values, tone: r.tone, explain: r.explain)
        }
        return ranker.rank(
            intents: r.answered + (r.runnerUp.map { [$0] } ?? []), index: snippetsByIntent, language: r.language,
            message: r.message.scalars,
            values: r.values, tone: r.tone, limit: limit * 2, explain: r.explain, picks: r.picks)
    }

    /// Plugin drafts scored like pack snippets (`DraftRanker.baseScore`): a
    /// draft for an intent the answer is not about is not offered, nor is a
    /// generic one unless the answer is generic.
    private func providedCandidates(_ r: Request) -> [Candidate] {
        guard r.snippet == nil else { return [] }
        return r.provided.compactMap { p in
            let confidence: Double
            var reasons: [String] = []
            if let intent = p.intent {
                guard let answered = r.answered.first(where: { $0.intent == intent }) else { return nil }
                confidence = answered.confidence
                if r.explain { reasons.append("answers \(intent) (confidence \(DraftRanker.format(confidence)))") }
            } else {
                guard r.generic else { return nil }
                confidence = Self.genericConfidence
                if r.explain { reasons.append("no confident intent: generic draft") }
            }
            if r.explain { reasons += ["priority \(p.priority)"] + p.explanation }
            return .provided(p, score: Draft.rounded(DraftRanker.baseScore(confidence: confidence, priority: p.priority)), reasons: reasons)
        }
    }

    /// Best first; at equal scores pack drafts keep their order and come
    /// before plugin drafts, which keep theirs. One draft per snippet id:
    /// two plugins, or a plugin and a pack, offering the same id would show
    /// the agent the same reply twice.
    private func merge(_ packs: [DraftRanker.Candidate], _ provided: [Candidate]) -> [Candidate] {
        let all = packs.map(Candidate.pack) + provided
        let ordered = all.indices.sorted { (all[$0].score, -$0) > (all[$1].score, -$1) }.map { all[$0] }
        var seen: Set<String> = []
        return ordered.filter { c in
            switch c {
            case .pack(let p): seen.insert(library.snippets[p.snippet].id).inserted
            case .provided(let p, _, _): seen.insert(p.id).inserted
            }
        }
    }

    private func render(_ c: Candidate, _ r: Request) -> Draft? {
        switch c {
        case .pack(let c):
            let s = library.snippets[c.snippet]
            guard let out = templates.render(s, language: r.language, values: r.values) else { return nil }
            return Draft(
                rank: 0, snippet: s.id, intent: c.intent, kind: s.kind, score: Draft.rounded(c.score), language: r.language,
                text: out.text, missing: out.missing, explanation: c.reasons, source: s.location)
        case .provided(let p, let score, let reasons):
            return Draft(
                rank: 0, snippet: p.id, intent: p.intent, kind: p.kind, score: score, language: r.language, text: p.text,
                missing: [], explanation: reasons, source: SourceLocation(file: "plugin:\(p.plugin)", line: 0, column: 0))
        }
    }

    /// Every check sees every draft of the batch; warnings are attached,
    /// blocked drafts dropped.
    private func check(_ batch: [Draft], message: NormalizedText) -> [Draft] {
        guard !checks.isEmpty, !batch.isEmpty else { return batch }
        var drafts = batch
        var blocked = [Bool](repeating: false, count: drafts.count)
        for c in checks {
            let open = drafts.indices.filter { !blocked[$0] }
            guard !open.isEmpty else { break }
            let verdicts = c.check(open.map { drafts[$0] }, message: message)
            for (i, v) in zip(open, verdicts) {
                if !v.warnings.isEmpty { drafts[i].warnings += v.warnings }
                if v.block { blocked[i] = true }
            }
        }
        return drafts.indices.filter { !blocked[$0] }.map { drafts[$0] }
    }
}

extension Draft {
    /// Scores are shown and compared to three decimals.
    static func rounded(_ score: Double) -> Double { (score * 1000).rounded() / 1000 }
}
