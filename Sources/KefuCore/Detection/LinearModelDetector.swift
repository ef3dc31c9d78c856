/// The linear model as a detector: one signal per intent it finds
/// plausible, and the message's `other` probability for the combiner.
struct LinearModelDetector: IntentDetector {
    let id = "model"
    let model: LinearIntentModel

    /// Below this a class probability is noise, not evidence.
    static let floor = 0.03

    func detect(_ message: DetectionInput) -> DetectorReport {
        let p = model.probabilities(message.text.scalars)
        var signals: [IntentSignal] = []
        for c in 0..<model.otherClass where p[c] >= Self.floor {
            let evidence = Evidence(detector: id, detail: "model p=" + ExampleClassifier.twoDecimals(Float(p[c])), weight: p[c])
            signals.append(IntentSignal(intent: model.classes[c], score: p[c], evidence: [evidence]))
        }
        return DetectorReport(signals: signals, noIntent: p[model.otherClass])
    }
}
