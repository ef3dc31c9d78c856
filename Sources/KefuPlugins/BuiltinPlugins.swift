import KefuCompliance
import KefuCore
import KefuLogistics
import KefuTone
import KefuUpsell

/// The one place built-in code plugins are registered. Each lives in its own
/// folder under `Plugins/`; adding one means a target in Package.swift and a
/// line here.
public enum BuiltinPlugins {
    /// Every built-in code plugin, in the order their parts run.
    public static let all: [any CodePlugin] = [
        TonePlugin(),
        // Before logistics: the shop facts' dispatch cut-off reaches its
        // ship-date promise (a provider sees the values earlier ones gave).
        UpsellPlugin(),
        LogisticsPlugin(),
        CompliancePlugin(),
    ]

    /// Every built-in plugin loaded with default settings (tests, benchmarks).
    public static func loaded(disabled: Set<String> = []) -> CodePluginSet {
        CodePluginSet(all, disabled: disabled)
    }

    /// Intent detectors beyond the core's phrase matcher and classifier
    /// (for `kefu eval` and tests, which need detection only).
    public static var detectorFactories: [any IntentDetectorFactory] { providing(.intentDetector).detectorFactories }

    /// Entity extractors beyond the core's built-in one.
    public static var extractors: [any EntityExtractor] { providing(.entityExtractor).extractors }

    static func providing(_ c: PluginCapability) -> PluginParts {
        CodePluginSet(all.filter { $0.declaration.provides.contains(c) }).parts
    }
}
