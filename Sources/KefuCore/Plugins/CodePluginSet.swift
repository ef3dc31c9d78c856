/// The code plugins of one session: each loaded with its settings, or
/// disabled by configuration, or failed with the reason. Built once at
/// start-up (and on reload); the engine takes `parts`.
public struct CodePluginSet: Sendable {
    /// `disabled` is only ever the user's choice (`disabled_plugins`); a code
    /// plugin that cannot load is `failed`.
    public enum State: String, Sendable { case loaded, disabled, failed }

    public struct Status: Sendable {
        public var declaration: PluginDeclaration
        public var state: State
        public var detail: String?
        public var examples: [PluginExample]
    }

    public private(set) var statuses: [Status] = []
    public private(set) var parts = PluginParts()

    /// - Parameters:
    ///   - settings: per plugin id, already checked against declared keys.
    ///   - disabled: plugin ids turned off (`disabled_plugins:`, `--disable`).
    public init(_ plugins: [any CodePlugin], settings: [String: PluginSettings] = [:], disabled: Set<String> = [], folder: String = ".") {
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

    public var failures: [Status] { statuses.filter { $0.state == .failed } }
}
