import KefuCore

/// The built-in code plugins' lines of `kefu plugins list`: id, version,
/// what each provides, and its state (loaded / disabled / failed and why).
enum CodePluginsListing {
    static func render(_ set: CodePluginSet) -> String {
        var out = ""
        for s in set.statuses {
            let d = s.declaration
            let provides = d.provides.map(\.rawValue).joined(separator: ", ")
            var line = "  \(d.id.padding(toLength: 10, withPad: " ", startingAt: 0))  \(d.version)  code     \(s.state.rawValue)  \(provides)  \(d.summary)"
            if let why = s.detail { line += "  (\(why))" }
            out += line + "\n"
            if !d.configurationKeys.isEmpty {
                out += "              settings: " + d.configurationKeys.map { "\($0.name) (\($0.kind.rawValue))" }.joined(separator: ", ") + "\n"
            }
        }
        return out
    }
}
