/// The code plugins of one session: each loaded with its settings, or
/// disabled by configuration, or failed with the reason. Built once at
/// start-up (and on reload); the engine takes `parts`.
public struct CodePluginSet: Sendable {
    /// `disabled` is only ever the user's choice (`disabled_plugins`); a code
    /// plugin that cannot load is `failed`.
    package enum State: String, Sendable { case loaded, disabled, failed }

    package struct Status: Sendable {
        package var declaration: PluginDeclaration
        package var state: State
        package var detail: String?
        package var examples: [PluginExample]
    }

    package private(set) var statuses: [Status] = []
    /// Everything the loaded plugins add, merged in registration order.
    public private(set) var parts = PluginParts()

    /// - Parameters:
    ///   - settings: per plugin id, already checked against declared keys.
    ///   - disabled: plugin ids turned off (`disabled_plugins:`, `--disable`).
    package init(_ plugins: [any CodePlugin], settings: [String: PluginSettings] = [:], disabled: Set<String> = [], folder: String = ".") {
        // Ids compared case-insensitively, as for external plugins.
        let off = Set(disabled.map { $0.lowercased() })
        for plugin in plugins {
            let d = plugin.declaration
            if off.contains(d.id.lowercased()) {
                statuses.append(Status(declaration: d, state: .disabled, detail: "disabled by configuration", examples: plugin.examples))
                continue
            }
            do {
                parts.add(try plugin.load(settings[d.id] ?? PluginSettings(folder: folder)))
                statuses.append(Status(declaration: d, state: .loaded, detail: nil, examples: plugin.examples))
            } catch {
                statuses.append(Status(declaration: d, state: .failed, detail: "\(error)", examples: plugin.examples))
            }
        }
    }

    package var failures: [Status] { statuses.filter { $0.state == .failed } }
}
