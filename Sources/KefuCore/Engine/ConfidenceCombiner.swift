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

    static func combine(_ reports: [DetectorReport]) -> [DetectedIntent] {
        var miss: [String: Double] = [:]
        var vetoed: Set<String> = []
        var evidence: [String: [Evidence]] = [:]
        for report in reports {
            for signal in report.signals {
                evidence[signal.intent, default: []] += signal.evidence
                if signal.isVeto { vetoed.insert(signal.intent); continue }
                let weight = signal.evidence.first?.detector == "phrases" ? phraseWeight : 1
                miss[signal.intent, default: 1] *= 1 - min(1, signal.score) * weight
            }
        }
        return miss.map { intent, m in
            var confidence = 1 - m
            if vetoed.contains(intent) { confidence *= vetoFactor }
            return DetectedIntent(intent: intent, confidence: confidence, evidence: evidence[intent] ?? [])
        }
        .sorted { ($0.confidence, $1.intent) > ($1.confidence, $0.intent) }
    }
}

