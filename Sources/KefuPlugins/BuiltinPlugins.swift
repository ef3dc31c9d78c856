import KefuCore
import KefuTone

/// The one place built-in code plugins are registered. Each lives in its own
/// folder under `Plugins/`; adding one means a target in Package.swift and a
/// line here.
public enum BuiltinPlugins {
    /// Intent detectors beyond the core's phrase matcher and classifier.
    public static let detectorFactories: [any IntentDetectorFactory] = [
        ToneDetectorFactory(),
    ]

    /// Entity extractors beyond the core's built-in one.
    public static let extractors: [any EntityExtractor] = []
}
