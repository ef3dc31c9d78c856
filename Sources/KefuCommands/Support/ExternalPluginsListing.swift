import KefuCore
import KefuExternalPlugins

/// The external-plugin part of `kefu plugins list`: every plugin found, with
/// its state and, when it is not loaded, why.
enum ExternalPluginsListing {
    /// Starts the plugins (waiting for their handshakes), describes them,
    /// stops them. Returns whether any failed or was refused.
    static func render(_ host: ExternalPluginHost) -> (text: String, anyFailed: Bool) {
        host.start()
        defer { host.shutdown() }
        let statuses = host.statuses
        var out = "external plugins:\n"
        if statuses.isEmpty {
            out += "  (none: put kefu-plugin-* executables in ./plugins or $XDG_CONFIG_HOME/kefu/plugins, or use --plugins PATH)\n"
        }
        var failed = false
        var table = TextTable()
        for s in statuses {
            let version = s.declaration?.version ?? "-"
            let capabilities = s.declaration.map { $0.capabilities.sorted().map(\.rawValue).joined(separator: ",") } ?? "-"
            // Failed plugins restart on demand in a session; in a listing they are failed.
            let state = s.state == .restarting ? "failed" : s.state.rawValue
            table.append(s.id, version, state, "[\(capabilities)]", Terminal.inert(s.command.joined(separator: " ")))
            if let d = s.declaration, !d.intents.isEmpty {
                table.note("intents: \(d.intents.map(\.id).joined(separator: ", "))")
            }
            if let d = s.declaration, !d.configKeys.isEmpty {
                table.note("config keys: \(d.configKeys.joined(separator: ", "))")
            }
            if s.state != .loaded {
                failed = failed || !s.turnedOff
                table.note("why: \(Terminal.inert(s.detail ?? "not started"))")
            }
            if let log = s.logPath, s.state != .refused { table.note("log: \(log)") }
        }
        out += table.render()
        return (out, failed)
    }
}
