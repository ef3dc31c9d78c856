import Foundation

/// Orders the drafts of every confident intent into one list.
///
/// A draft's score is its intent's confidence, scaled by the pack author's
/// priority, raised for drafts written for this exact situation (`when`
/// conditions that hold) and for apologies to an upset buyer, raised when the
/// message mentions what the draft is about (`about:`) and lowered when it
/// does not, lowered for each variable it needs that nobody knows. The second and later drafts of one
/// intent are discounted so that a message with two intents gets the best
/// draft of each near the top rather than five drafts of one. Drafts the
/// agent copies more often than their share move up within their intent,
/// those never copied down (`PickRates`).
package struct DraftRanker: Sendable {
    struct Candidate {
        var snippet: Int
        var intent: String?
        var score: Double
        var reasons: [String]
    }

    static let sameIntentDiscount = 0.8
    static let apologyBoost = 0.5
    static let specificityBoost = 0.04
    static let unknownVariablePenalty = 0.03
    /// Enough to put a draft whose topic the message mentions above its
    /// intent's general drafts at any confidence (priority 40 against 70).
    static let topicBoost = 0.2
    /// Enough to put a topic draft whose topic is not mentioned below its
    /// intent's general drafts, not out of the list.
    static let offTopicPenalty = 0.1

    let snippets: [SnippetDefinition]
    let topics: SnippetTopics
    /// Variables each snippet uses outside any section: unknown ones become placeholders.
    let bareVariables: [[String]]

    /// Each snippet's place in id order: ties in score go to the smaller id,
    /// compared as integers rather than strings on every comparison.
    let idOrder: [Int]

    /// Per language, per snippet: whether it has a text for that language
    /// (Traditional from Simplified included), looked up once per message
    /// rather than once per candidate.
    let writable: [Language: [Bool]]

    init(snippets: [SnippetDefinition], normalizer: TextNormalizer) {
        self.snippets = snippets
        self.topics = SnippetTopics(snippets: snippets, normalizer: normalizer)
        var order = [Int](repeating: 0, count: snippets.count)
        for (rank, i) in snippets.indices.sorted(by: { snippets[$0].id < snippets[$1].id }).enumerated() { order[i] = rank }
        self.idOrder = order
        self.writable = Dictionary(
            uniqueKeysWithValues: Language.allCases.map { l in (l, snippets.map { DraftTemplates.hasText($0.texts, for: l) }) })
        self.bareVariables = snippets.map { s in
            let any = s.texts[.simplifiedChinese] ?? s.texts[.english] ?? s.texts.values.first
            return any.map(Self.bareVariables(of:)) ?? []
        }
    }

    static func bareVariables(of template: Template) -> [String] {
        template.segments.compactMap { if case .variable(let n) = $0 { n } else { nil } }
    }

    static func holds(_ c: SnippetConditions, values: [String: String], tone: ToneReading) -> Bool {
        func known(_ v: String) -> Bool { !(values[v] ?? "").isEmpty }
        if !c.has.allSatisfy(known) { return false }
        if c.lacks.contains(where: known) { return false }
        if let upset = c.upset, upset != tone.upset { return false }
        for (k, v) in c.equals where values[k] != v { return false }
        return true
    }

    /// Ranks the drafts of `intents`. Reasons are written only for the first
    /// `limit` candidates (those that will be shown), and only when `explain`:
    /// with large packs most candidates are scored and dropped, and their
    /// sentences cost more than their scores.
    func rank(
        intents: [DetectedIntent], index: [String: [Int]], language: Language, message: [UInt32],
        values: [String: String], tone: ToneReading, limit: Int, explain: Bool = true,
        picks: [String: PickAdjustment] = [:]
    ) -> [Candidate] {
        struct Scored {
            var snippet: Int
            var intent: Int
            var score: Double
            var specific: Bool
            var apology: Bool
            var unknown: [String]
            var pick: PickAdjustment?
        }
        var all: [Scored] = []
        let canWrite = writable[language] ?? []
        let mentioned = topics.mentioned(in: message)
        for (n, intent) in intents.enumerated() {
            var list: [Scored] = []
            for i in index[intent.intent] ?? [] {
                // Fields read in place: copying a whole snippet retains a dozen references.
                guard canWrite[i], Self.holds(snippets[i].conditions, values: values, tone: tone) else { continue }
                var score = Self.baseScore(confidence: intent.confidence, priority: snippets[i].priority)
                let specificity = snippets[i].conditions.specificity
                let specific = specificity > 0
                if specific { score += Self.specificityBoost * Double(specificity) }
                let apology = tone.upset && snippets[i].kind == .apology
                if apology { score += Self.apologyBoost }
                if topics.declared[i] { score += mentioned[i] == nil ? -Self.offTopicPenalty : Self.topicBoost }
                let unknown = bareVariables[i].filter { (values[$0] ?? "").isEmpty }
                score -= Self.unknownVariablePenalty * Double(unknown.count)
                let pick = picks.isEmpty ? nil : picks[snippets[i].id]
                if let pick { score += pick.delta }
                list.append(Scored(snippet: i, intent: n, score: score, specific: specific, apology: apology, unknown: unknown, pick: pick))
            }
            list.sort { ($0.score, idOrder[$1.snippet]) > ($1.score, idOrder[$0.snippet]) }
            for k in list.indices where k > 0 {
                list[k].score *= pow(Self.sameIntentDiscount, Double(k))
            }
            all += list
        }
        // One draft per snippet even when it answers several detected intents
        // (a linear look among the few kept: cheaper than hashing every candidate).
        all.sort { ($0.score, idOrder[$1.snippet]) > ($1.score, idOrder[$0.snippet]) }
        var kept: [Scored] = []
        for c in all where kept.count < limit && !kept.contains(where: { $0.snippet == c.snippet }) { kept.append(c) }
        return kept.map { c in
            let intent = intents[c.intent]
            guard explain else { return Candidate(snippet: c.snippet, intent: intent.intent, score: c.score, reasons: []) }
            let s = snippets[c.snippet]
            var reasons = ["answers \(intent.intent) (confidence \(Self.format(intent.confidence)))", "priority \(s.priority)"]
            if c.specific { reasons.append("written for this situation (\(Self.describe(s.conditions)))") }
            if c.apology { reasons.append("buyer is upset: apology first") }
            if topics.declared[c.snippet] {
                reasons.append(
                    mentioned[c.snippet].map { "about what the message asks (mentions “\($0)”)" }
                        ?? "about something the message does not mention")
            }
            if !c.unknown.isEmpty { reasons.append("needs \(c.unknown.map { "⟨\($0)⟩" }.joined(separator: ", "))") }
            if let p = c.pick {
                reasons.append("picked \(p.picked) of \(p.offered) times offered (" + (p.delta >= 0 ? "moved up" : "moved down") + ")")
            }
            return Candidate(snippet: c.snippet, intent: intent.intent, score: c.score, reasons: reasons)
        }
    }

    /// Generic drafts for a message with no confident intent.
    func fallback(_ indices: [Int], language: Language, values: [String: String], tone: ToneReading, explain: Bool = true) -> [Candidate] {
        let canWrite = writable[language] ?? []
        return indices.filter { canWrite[$0] && Self.holds(snippets[$0].conditions, values: values, tone: tone) }
            .map { i in
                let reasons = explain ? ["no confident intent: generic draft", "priority \(snippets[i].priority)"] : []
                return Candidate(snippet: i, intent: nil, score: Double(snippets[i].priority) / 200, reasons: reasons)
            }
            .sorted { ($0.score, idOrder[$1.snippet]) > ($1.score, idOrder[$0.snippet]) }
    }

    static func describe(_ c: SnippetConditions) -> String {
        var parts: [String] = []
        if !c.has.isEmpty { parts.append("has " + c.has.joined(separator: ", ")) }
        if !c.lacks.isEmpty { parts.append("lacks " + c.lacks.joined(separator: ", ")) }
        if let u = c.upset { parts.append(u ? "buyer upset" : "buyer calm") }
        for (k, v) in c.equals.sorted(by: { $0.key < $1.key }) { parts.append("\(k) = \(v)") }
        return parts.joined(separator: "; ")
    }

    /// A draft's score before situation, tone and blanks: its intent's
    /// confidence scaled by the author's priority (0...100). Plugin drafts,
    /// in-process and external, are scored with it too, so they rank among
    /// the packs' drafts on equal terms.
    package static func baseScore(confidence: Double, priority: Int) -> Double {
        confidence * (0.6 + 0.4 * Double(priority) / 100)
    }

    static func format(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return String(r)
    }
}
