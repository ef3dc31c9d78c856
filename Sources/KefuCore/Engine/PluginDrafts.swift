/// Where code plugins' drafts join the pipeline: provided drafts are ranked
/// in with the packs' drafts, then every draft goes past the checks.
enum PluginDrafts {
    /// Scores a provided draft like a pack snippet (the answered intent's
    /// confidence scaled by priority, `DraftRanker`'s formula) and inserts it
    /// in score order. A draft for an intent the message does not have is
    /// not offered.
    static func merge(_ provided: [ProvidedDraft], into drafts: inout [Draft], intents: [DetectedIntent], language: Language, explain: Bool = true) {
        for p in provided {
            guard let intent = intents.first(where: { $0.intent == p.intent }) else { continue }
            let score = (DraftRanker.baseScore(confidence: intent.confidence, priority: p.priority) * 1000).rounded() / 1000
            let draft = Draft(
                rank: 0, snippet: p.id, intent: p.intent, kind: p.kind, score: score, language: language, text: p.text,
                missing: [], explanation: explain ? ["answers \(p.intent) (confidence \(DraftRanker.format(intent.confidence)))", "priority \(p.priority)"] + p.explanation : [],
                source: SourceLocation(file: "plugin:\(p.id.split(separator: ".").first.map(String.init) ?? p.id)", line: 0, column: 0))
            let at = drafts.firstIndex { $0.score < score } ?? drafts.endIndex
            drafts.insert(draft, at: at)
        }
        renumber(&drafts)
    }

    /// Runs every check on the drafts from `start` on: warnings are
    /// attached, blocked drafts dropped. True when any was blocked.
    static func check(_ drafts: inout [Draft], from start: Int, with checks: [any DraftCheck], message: NormalizedText) -> Bool {
        var blocked: [Int] = []
        for i in start..<drafts.count {
            for c in checks {
                let v = c.check(drafts[i], message: message)
                if !v.warnings.isEmpty { drafts[i].warnings += v.warnings }
                if v.block { blocked.append(i); break }
            }
        }
        for i in blocked.reversed() { drafts.remove(at: i) }
        return !blocked.isEmpty
    }

    static func renumber(_ drafts: inout [Draft]) {
        for i in drafts.indices { drafts[i].rank = i + 1 }
    }
}
