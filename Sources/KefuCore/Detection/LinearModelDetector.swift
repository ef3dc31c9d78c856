import Foundation

/// The linear model as a detector: one signal per intent it finds
/// plausible, and the message's `other` probability for the combiner.
/// Built in the background by the engine (`PendingDetector`): finding or
/// training the model (`LinearModelStore`) never delays the first prompt.
struct LinearModelDetector: IntentDetector {
    let id = CoreDetector.model.rawValue
    private let model: LinearIntentModel?
    /// For testing examples as unseen (`kefu test`), built the first time an
    /// example is held out: a built-in example is answered by a model
    /// trained without its fold of the built-in examples; a shop's example
    /// by the built-in packs' model, which never saw any shop's examples.
    private let heldOutBuiltIn: Lazy<[LinearIntentModel?]>
    private let builtInModel: Lazy<LinearIntentModel?>
    /// Per intent the model learned from fewer than `LinearIntentModel.fullClass`
    /// examples: how far its `other` reading reaches (examples / fullClass).
    /// For the full model, and for the built-in one that answers a shop's
    /// held-out examples (it learned none of the shop's intents).
    private let reach: [String: Double]
    private let builtInReach: [String: Double]

    /// Below this a class probability is noise, not evidence.
    static let floor = 0.03
    /// The share of a message's feature weight the model must know to speak.
    static let minimumKnownShare = 0.3

    init(library: SnippetLibrary, normalizer: TextNormalizer, cacheDirectory: String?) {
        model = LinearModelStore.model(for: library, normalizer: normalizer, cacheDirectory: cacheDirectory)
        heldOutBuiltIn = Lazy { LinearModelStore.heldOutModels(for: library, normalizer: normalizer, cacheDirectory: cacheDirectory) }
        builtInModel = Lazy {
            LinearModelStore.model(for: library, normalizer: normalizer, builtInOnly: true, cacheDirectory: cacheDirectory)
        }
        reach = Self.reach(library, builtInOnly: false)
        builtInReach = Self.reach(library, builtInOnly: true)
    }

    static func reach(_ library: SnippetLibrary, builtInOnly: Bool) -> [String: Double] {
        var reach: [String: Double] = [:]
        for (id, intent) in library.intents {
            let n = intent.examples.count { LinearModelStore.trains($0, builtInOnly: builtInOnly) }
            if n < LinearIntentModel.fullClass { reach[id] = Double(n) / Double(LinearIntentModel.fullClass) }
        }
        return reach
    }

    func detect(_ message: DetectionInput) -> DetectorReport {
        var model = self.model
        var reach = self.reach
        if let key = message.heldOutExample, !key.builtIn { reach = builtInReach }
        if let key = message.heldOutExample {
            model =
                key.builtIn
                ? heldOutBuiltIn.value[LinearModelStore.fold(of: key.folded.unicodeScalars.map(\.value))] : builtInModel.value
        }
        guard let model else { return DetectorReport() }
        // Text the model has seen none of the features of gets its prior,
        // not an opinion ("zzzz qqqq"): it says nothing then.
        let (p, known) = model.predict(message.text.scalars)
        guard known >= Self.minimumKnownShare else { return DetectorReport() }
        var signals: [IntentSignal] = []
        for c in 0..<model.otherClass where p[c] >= Self.floor {
            let evidence = Evidence(detector: id, detail: "model p=" + ExampleClassifier.twoDecimals(Float(p[c])), weight: p[c])
            signals.append(IntentSignal(intent: model.classes[c], score: p[c], evidence: [evidence]))
        }
        return DetectorReport(signals: signals, noIntent: p[model.otherClass], noIntentReach: reach)
    }

    /// Built once, on first use, under a lock.
    final class Lazy<Value: Sendable>: @unchecked Sendable {
        // Unchecked: `built` is written once under `lock`.
        private let lock = NSLock()
        private let make: @Sendable () -> Value
        private var built: Value?

        init(_ make: @escaping @Sendable () -> Value) { self.make = make }

        var value: Value {
            lock.withLock {
                if let built { return built }
                let v = make()
                built = v
                return v
            }
        }
    }
}
