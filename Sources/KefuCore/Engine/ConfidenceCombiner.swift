/// Turns the detectors' signals into one confidence per intent.
///
/// Signals from different detectors are treated as independent witnesses
/// (noisy-OR): two detectors at 0.6 make 0.84. A counter-trigger veto keeps a
/// fifth of the confidence. Then every intent is damped by how likely the
/// linear model finds the message to be no shop intent at all: confidence ×
/// (1 − p(other)). That is what keeps a lone word that also lives outside a
/// shop ("change my phone plan", "split the electricity bill") from deciding.
/// The constants were chosen on the development sets (`../shared/eval`,
/// `Tests/DevSet`), never on the blind set: see docs/architecture.md.
struct ConfidenceCombiner {
    /// Phrases alone are strong but not decisive: an ambiguous word must be
    /// backed by the classifier, the model or a second phrase.
    static let phraseWeight = 0.78
    static let modelWeight = 0.9
    static let vetoFactor = 0.2

    /// A message has a handful of candidate intents: they are kept in a
    /// short list searched by name (short ids compare in two words) rather
    /// than hashed into dictionaries, which cost more than the arithmetic.
    static func combine(_ reports: [DetectorReport]) -> (intents: [DetectedIntent], noIntent: Double) {
        struct Tally {
            var intent: String
            var miss: Double = 1
            var scored = false
            var vetoed = false
            var evidence: [Evidence] = []
        }
        var tallies: [Tally] = []
        var noIntent = 0.0
        for report in reports {
            if let n = report.noIntent { noIntent = max(noIntent, n) }
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
                let weight: Double
                switch signal.evidence.first?.detector {
                case "phrases": weight = phraseWeight
                case "model": weight = modelWeight
                default: weight = 1
                }
                tallies[k].miss *= 1 - min(1, signal.score) * weight
                tallies[k].scored = true
            }
        }
        let damp = 1 - noIntent
        // An intent only vetoed, never scored, is not a candidate.
        let intents = tallies.filter(\.scored).map { t in
            DetectedIntent(intent: t.intent, confidence: (1 - t.miss) * (t.vetoed ? vetoFactor : 1) * damp, evidence: t.evidence)
        }
        .sorted { ($0.confidence, $1.intent) > ($1.confidence, $0.intent) }
        return (intents, noIntent)
    }
}
