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
    static let phraseWeight = Tuning.value("KEFU_PHRASE_W", 0.78)
    static let modelWeight = Tuning.value("KEFU_MODEL_W", 0.9)
    static let vetoFactor = 0.2
    /// A statistical detector "agrees" with a phrase at this score.
    static let corroboration = Tuning.value("KEFU_CORROB", 0.15)
    /// What a phrase no statistical detector backs is worth.
    static let lonePhraseFactor = Tuning.value("KEFU_LONE", 0.5)
    /// How strongly the model's `other` probability damps every intent:
    /// confidence × (1 − p(other))^gate.
    static let gate = Tuning.value("KEFU_GATE", 1.0)

    /// A message has a handful of candidate intents: they are kept in a
    /// short list searched by name (short ids compare in two words) rather
    /// than hashed into dictionaries, which cost more than the arithmetic.
    static func combine(_ reports: [DetectorReport]) -> (intents: [DetectedIntent], noIntent: Double) {
        struct Tally {
            var intent: String
            var miss: Double = 1
            /// The phrases' part of `miss`, kept apart: phrases count in
            /// full only when a statistical detector agrees.
            var phraseMiss: Double = 1
            var corroborated = false
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
                let score = min(1, signal.score)
                switch signal.evidence.first?.detector {
                case "phrases":
                    tallies[k].phraseMiss *= 1 - score * phraseWeight
                case "model":
                    tallies[k].miss *= 1 - score * modelWeight
                    if score >= corroboration { tallies[k].corroborated = true }
                case "classifier":
                    tallies[k].miss *= 1 - score
                    if score >= corroboration { tallies[k].corroborated = true }
                default:
                    tallies[k].miss *= 1 - score
                }
                tallies[k].scored = true
            }
        }
        let damp = pow(1 - noIntent, gate)
        // An intent only vetoed, never scored, is not a candidate.
        let intents = tallies.filter(\.scored).map { t in
            // A phrase nobody else backs hints but does not decide: "change
            // my phone plan" matches change_order's "change*".
            let phrases = 1 - t.phraseMiss
            let miss = t.miss * (1 - phrases * (t.corroborated ? 1 : lonePhraseFactor))
            return DetectedIntent(intent: t.intent, confidence: (1 - miss) * (t.vetoed ? vetoFactor : 1) * damp, evidence: t.evidence)
        }
        .sorted { ($0.confidence, $1.intent) > ($1.confidence, $0.intent) }
        return (intents, noIntent)
    }
}

import Foundation

/// Temporary: constants read from the environment while they are chosen on
/// the development sets.
enum Tuning {
    static func value(_ name: String, _ fallback: Double) -> Double {
        ProcessInfo.processInfo.environment[name].flatMap(Double.init) ?? fallback
    }
}
