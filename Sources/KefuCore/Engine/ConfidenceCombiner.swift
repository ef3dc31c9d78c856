/// Turns the detectors' signals into one confidence per intent.
///
/// Signals from different detectors are treated as independent witnesses
/// (noisy-OR): two detectors at 0.6 make 0.84. A counter-trigger veto keeps a
/// fifth of the confidence. Then every intent is damped by how likely the
/// message is to be no shop intent at all: confidence × (1 − p(other)), where
/// p(other) combines the linear model's reading and words that place the
/// message outside a shop (`other`'s triggers), again as independent witnesses.
/// The model's reading reaches a shop's intent that it learned from only a
/// few examples in proportion (`DetectorReport.noIntentReach`): it cannot
/// tell that intent from `other`, so it must not silence the shop's own
/// trigger words for it. That is what keeps a lone word that also lives outside a
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
        var stillShop = 1.0
        var readings: [(noIntent: Double, reach: [String: Double])] = []
        for report in reports {
            if let n = report.noIntent {
                let n = min(1, max(0, n))
                stillShop *= 1 - n
                readings.append((n, report.noIntentReach))
            }
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
                switch signal.evidence.first.flatMap({ CoreDetector(rawValue: $0.detector) }) {
                case .phrases: weight = phraseWeight
                case .model: weight = modelWeight
                case .classifier, nil: weight = 1
                }
                tallies[k].miss *= 1 - min(1, signal.score) * weight
                tallies[k].scored = true
            }
        }
        let noIntent = 1 - stillShop
        func damp(_ intent: String) -> Double {
            readings.reduce(1.0) { $0 * (1 - $1.noIntent * ($1.reach[intent] ?? 1)) }
        }
        // An intent only vetoed, never scored, is not a candidate.
        let intents = tallies.filter(\.scored).map { t in
            DetectedIntent(intent: t.intent, confidence: (1 - t.miss) * (t.vetoed ? vetoFactor : 1) * damp(t.intent), evidence: t.evidence)
        }
        .sorted { ($0.confidence, $1.intent) > ($1.confidence, $0.intent) }
        return (intents, noIntent)
    }
}
