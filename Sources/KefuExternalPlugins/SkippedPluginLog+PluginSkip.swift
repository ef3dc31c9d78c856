import KefuCore

/// External plugins report what went missing from a suggestion into the
/// engine's per-message log (`SkippedPluginLog`): their detector, extractor,
/// provider and check adapters return only findings.
extension SkippedPluginLog {
    func record(_ skips: [PluginSkip]) {
        record(skips.map { SkippedPlugin(id: $0.plugin, reason: $0.reason.rawValue, detail: $0.detail) })
    }
}
