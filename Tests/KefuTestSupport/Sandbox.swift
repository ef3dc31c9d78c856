import Foundation

/// A fresh private folder per test (mode 0700, as a plugin folder must be),
/// removed when the test lets go of it. It is the child's working directory
/// and `HOME`, with `config/` and `state/` as its `XDG_CONFIG_HOME` and
/// `XDG_STATE_HOME`, so the user's own configuration, history and learned
/// examples never leak in or out. Tests write packs, config files, plugins
/// and inputs into it.
public final class Sandbox: @unchecked Sendable {
    public let root: URL
    public var path: String { root.path }
    public var configHome: URL { root.appendingPathComponent("config", isDirectory: true) }
    public var stateHome: URL { root.appendingPathComponent("state", isDirectory: true) }

    /// The model cache is shared with the test process, not private: every
    /// sandbox would train the same models, and once is enough.
    public static let cacheHome: String =
        ProcessInfo.processInfo.environment["XDG_CACHE_HOME"] ?? NSHomeDirectory() + "/.cache"

    public init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("kefu-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for home in [configHome, stateHome] {
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// HOME and the XDG folders, for a child started with an environment
    /// of its own (in a terminal).
    public var homes: [String: String] {
        [
            "HOME": path, "XDG_CONFIG_HOME": configHome.path, "XDG_STATE_HOME": stateHome.path,
            "XDG_CACHE_HOME": Self.cacheHome,
        ]
    }

    /// `homes` as `NAME=value` words for env(1), in a fixed order.
    public var homeAssignments: [String] {
        homes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }

    /// A child's environment: this process's with the sandbox's folders, and
    /// no colour.
    public var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment.merging(homes) { $1 }
        env["NO_COLOR"] = "1"
        return env
    }

    /// The folder `name` inside the sandbox, created (mode 0700) if need be.
    @discardableResult
    public func folder(_ name: String) throws -> String {
        let url = root.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return url.path
    }

    /// Writes `data` to `name` (relative to the sandbox, or absolute inside
    /// it), creating its folder, and returns its absolute path. `mode`, when
    /// given, sets the file's permissions (0o755 for a script).
    @discardableResult
    public func write(_ name: String, _ data: Data, mode: Int? = nil) throws -> String {
        let url = name.hasPrefix("/") ? URL(fileURLWithPath: name) : root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        if let mode { try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path) }
        return url.path
    }

    @discardableResult
    public func write(_ name: String, _ text: String, mode: Int? = nil) throws -> String {
        try write(name, Data(text.utf8), mode: mode)
    }

    /// Writes an executable (a script, a plugin) into the sandbox or into its
    /// folder `folder`, which is created private (mode 0700) as a plugin
    /// folder must be; returns its path.
    @discardableResult
    public func writeExecutable(_ name: String, _ text: String, in folder: String? = nil, mode: Int = 0o755) throws -> String {
        let dir = try folder.map { try self.folder($0) } ?? path
        return try write(dir + "/" + name, text, mode: mode)
    }

    /// Rewrites a file and moves its modification time forward, so a change
    /// is seen even on file systems with coarse timestamps.
    public func rewrite(_ path: String, _ text: String) throws {
        let before = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let after = max(Date(), before.addingTimeInterval(1))
        try FileManager.default.setAttributes([.modificationDate: after], ofItemAtPath: path)
    }

    /// The text of the file at `path`, or "" when there is none.
    public func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}
