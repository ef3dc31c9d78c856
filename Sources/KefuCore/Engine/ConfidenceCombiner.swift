/// Turns the detectors' signals into one confidence per intent.
///
/// Signals from different detectors are treated as independent witnesses
/// (noisy-OR): two detectors at 0.6 make 0.84. A counter-trigger veto keeps a
/// fifth of the confidence. The two constants below were fitted on the
/// project's labelled bilingual set (Tests/KefuCoreTests/Fixtures) so that a
/// reported confidence of 0.5 is right about as often as not: see
/// docs/architecture.md.
struct ConfidenceCombiner {
    /// Phrases alone are strong but not decisive: an ambiguous word must be
    /// backed by the classifier or a second phrase.
    static let phraseWeight = 0.78
    static let vetoFactor = 0.2

    /// A message has a handful of candidate intents: they are kept in a
    /// short list searched by name (short ids compare in two words) rather
    /// than hashed into dictionaries, which cost more than the arithmetic.
    static func combine(_ reports: [DetectorReport]) -> [DetectedIntent] {
        struct Tally {
            var intent: String
            var miss: Double = 1
            var scored = false
            var vetoed = false
            var evidence: [Evidence] = []
        }
        var tallies: [Tally] = []
        for report in reports {
            for signal in report.signals {
                let k: Int
                if let found = tallies.firstIndex(where: { $0.intent == signal.intent }) {
                    k = found
                } else {
                    k = tallies.count
                    tallies.append(Tally(intent: signal.intent))
                }
                tallies[k].evidence += signal.evidence
                if signal.isVeto { tallies[k].vetoed = true; continue }
                let weight = signal.evidence.first?.detector == "phrases" ? phraseWeight : 1
                tallies[k].miss *= 1 - min(1, signal.score) * weight
                tallies[k].scored = true
            }
        }
        // An intent only vetoed, never scored, is not a candidate.
        return tallies.filter(\.scored).map { t in
            DetectedIntent(intent: t.intent, confidence: (1 - t.miss) * (t.vetoed ? vetoFactor : 1), evidence: t.evidence)
        }
        .sorted { ($0.confidence, $1.intent) > ($1.confidence, $0.intent) }
    }
}
