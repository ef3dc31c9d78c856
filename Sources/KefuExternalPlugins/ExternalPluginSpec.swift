/// How to start one external plugin, and where kefu found it.
public struct ExternalPluginSpec: Sendable, Hashable {
    /// Absolute executable path, then its arguments. Never looked up in PATH
    /// at start time: discovery has already resolved it.
    public var command: [String]
    /// An id from config.yaml; otherwise the plugin's own `hello` names it
    /// (and until then the file name stands in).
    public var configuredID: String?
    /// Where it came from: the folder or config file, for `kefu plugins list`.
    public var origin: String

    /// A plugin run as `command`; `configuredID` when config.yaml names it.
    public init(command: [String], configuredID: String? = nil, origin: String) {
        self.command = command
        self.configuredID = configuredID
        self.origin = origin
    }

    /// The name shown before the plugin has introduced itself.
    public var provisionalID: String {
        if let configuredID { return configuredID }
        let file = command.first.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? "plugin"
        var name = file.hasPrefix("kefu-plugin-") ? String(file.dropFirst("kefu-plugin-".count)) : file
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        return name
    }
}

/// Why a plugin's contribution is missing from one answer.
public struct PluginSkip: Sendable, Hashable {
    /// The stable codes front ends and JSON output show.
    public enum Reason: String, Sendable {
        /// No answer within the request deadline.
        case timeout
        /// The process ended (or could not be started).
        case crashed
        /// A line that is not a JSON answer, or a bad handshake.
        case invalidOutput = "invalid_output"
        /// An answer to another request.
        case wrongID = "wrong_id"
        /// More output than any answer needs.
        case flood
        /// The plugin answered with `error`.
        case pluginError = "plugin_error"
        /// A check that blocked every draft it was shown: working, but
        /// leaving the agent nothing (reported, and still asked).
        case blockedEveryDraft = "blocked_every_draft"
        /// Waiting to restart after a failure.
        case restarting
        /// Still starting (its `hello` has not arrived yet).
        case starting
        /// Too many failures: off for this session.
        case disabled
    }

    /// The plugin's id.
    public var plugin: String
    /// Why its answer is missing.
    public var reason: Reason
    /// What happened, for a person.
    public var detail: String

    /// A skip with its reason and detail.
    public init(plugin: String, reason: Reason, detail: String) {
        self.plugin = plugin
        self.reason = reason
        self.detail = detail
    }
}
