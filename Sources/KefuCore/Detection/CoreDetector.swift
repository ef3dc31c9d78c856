/// The detectors every engine builds from the packs, by the id their
/// evidence carries. Plugins' detectors have ids of their own (strings);
/// these three are named by this type wherever kefu branches on them.
public enum CoreDetector: String, CaseIterable, Sendable {
    /// Trigger phrases and patterns (`PhraseDetector`).
    case phrases
    /// Nearest examples (`ExampleClassifier`).
    case classifier
    /// The linear model (`LinearModelDetector`).
    case model
}
