import Foundation

/// Where kefu keeps its files inside a sandbox: `$XDG_CONFIG_HOME/kefu/`
/// (config.yaml, packs, plugins) and `$XDG_STATE_HOME/kefu/` (history,
/// usage log, learned examples).
extension Sandbox {
    /// `$XDG_CONFIG_HOME/kefu/<name>`.
    public func configPath(_ name: String) -> String {
        configHome.appendingPathComponent("kefu").appendingPathComponent(name).path
    }

    /// `$XDG_STATE_HOME/kefu/<name>`.
    public func statePath(_ name: String) -> String {
        stateHome.appendingPathComponent("kefu").appendingPathComponent(name).path
    }

    /// Writes `$XDG_CONFIG_HOME/kefu/<name>` (by default config.yaml) and returns its path.
    @discardableResult
    public func writeConfig(_ text: String, to name: String = "config.yaml") throws -> String {
        try write(configPath(name), text)
    }

    /// The REPL's history file.
    public var historyPath: String { statePath("history") }

    /// The REPL's history, or "" before there is one.
    public func history() -> String { read(historyPath) }
}
