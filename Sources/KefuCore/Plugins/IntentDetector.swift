/// A source of intent evidence. The engine runs every registered detector on
/// each message and combines their signals into one confidence per intent.
///
/// Detectors are built once per loaded library (`prepare`), then called
/// concurrently from any thread: keep per-message state local.
public protocol IntentDetector: Sendable {
    /// Stable id, shown in evidence and in `kefu plugins list`.
    var id: String { get }
    func detect(_ message: DetectionInput) -> DetectorReport
}

/// What a detector sees of a message.
public struct DetectionInput: Sendable {
    /// The message, normalised (folded, script-converted, tokenised).
    public var text: NormalizedText
    /// For testing pack examples as if unseen: the classifier leaves this
    /// example out of its neighbours.
    public var heldOutExample: ExampleKey?

    /// The input for one message; `heldOutExample` only when testing pack examples.
    public init(text: NormalizedText, heldOutExample: ExampleKey? = nil) {
        self.text = text
        self.heldOutExample = heldOutExample
    }
}

/// Identifies one pack example: its intent and folded text.
public struct ExampleKey: Sendable, Hashable {
    /// The intent the example belongs to.
    public var intent: String
    /// The example's folded text, as the detectors compare it.
    public var folded: String
    /// A built-in pack's example: tested against the built-in library's
    /// own examples only, so that a shop's packs never make a built-in
    /// example fail.
    public var builtIn: Bool

    /// The key of one example.
    public init(intent: String, folded: String, builtIn: Bool = false) {
        self.intent = intent
        self.folded = folded
        self.builtIn = builtIn
    }
}

/// Makes a detector from a loaded library. Code plugins register one of these,
/// so their detectors are rebuilt whenever packs are reloaded.
public protocol IntentDetectorFactory: Sendable {
    var id: String { get }
    func makeDetector(library: SnippetLibrary, normalizer: TextNormalizer) -> any IntentDetector
}
