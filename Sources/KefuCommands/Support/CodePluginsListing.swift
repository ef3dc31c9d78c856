import KefuCore

/// The code-plugin part of `kefu plugins list`: the core detectors and
/// extractor, then the built-in code plugins with id, version, state, what
/// each provides, and (when not loaded) why.
enum CodePluginsListing {
    static func render(_ set: CodePluginSet) -> String {
        var table = TextTable()
        table.append("phrases", "core", "loaded", "intent detector", "trigger phrases and patterns of all packs")
        table.append("classifier", "core", "loaded", "intent detector", "n-gram nearest neighbours over pack examples")
        table.append(
            "entities", "core", "loaded", "entity extractor",
            "order, tracking, carrier, amount, phone, size, colour, quantity, sku, parcel status, photos sent")
        for s in set.statuses {
            let d = s.declaration
            let provides = d.provides.map(\.rawValue).joined(separator: ", ")
            table.append(d.id, d.version, s.state.rawValue, provides, d.summary + (s.detail.map { "  (\($0))" } ?? ""))
            if !d.configurationKeys.isEmpty {
                table.note("settings: " + d.configurationKeys.map { "\($0.name) (\($0.kind.rawValue))" }.joined(separator: ", "))
            }
        }
        return table.render()
    }
}
