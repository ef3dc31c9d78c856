import Foundation

/// Finds the external plugins of a session: executables named
/// `kefu-plugin-*` in the plugin folders, and commands listed in
/// config.yaml. Nothing is ever taken from the current directory or a
/// relative PATH entry implicitly, and anything in a folder other users can
/// write to is refused, with the reason, before it runs.
package enum ExternalPluginDiscovery {
    package static let filePrefix = "kefu-plugin-"

    /// A config.yaml `external_plugins:` entry.
    package struct ConfiguredPlugin: Sendable, Hashable {
        package var command: [String]
        package var id: String?
        package var config: [String: String]
        package init(command: [String], id: String? = nil, config: [String: String] = [:]) {
            self.command = command
            self.id = id
            self.config = config
        }
    }

    package struct Found: Sendable {
        package var specs: [ExternalPluginSpec] = []
        package var refused: [ExternalPluginStatus] = []
        /// Per-plugin configuration, keyed by the spec's command joined with NUL.
        package var config: [String: [String: String]] = [:]
    }

    /// - Parameters:
    ///   - folders: plugin folders in order; `required` ones (given with
    ///     `--plugins`) must exist, and may also name a single plugin file.
    ///   - configured: config.yaml entries; relative paths in them are taken
    ///     from `configFolder`.
    package static func discover(
        folders: [(path: String, required: Bool)], configured: [ConfiguredPlugin], configFolder: String,
        searchPath: String? = ProcessInfo.processInfo.environment["PATH"]
    ) -> Found {
        var found = Found()
        var seen: Set<String> = []
        func refuse(_ path: String, _ origin: String, _ why: String) {
            found.refused.append(
                ExternalPluginStatus(
                    id: ExternalPluginSpec(command: [path], origin: origin).provisionalID, declaration: nil, state: .refused,
                    detail: why, restarts: 0, origin: origin, command: [path], logPath: nil))
        }
        for (raw, required) in folders {
            let path = absolute(raw, from: FileManager.default.currentDirectoryPath)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                if required { refuse(path, path, "no such file or folder") }
                continue
            }
            var files: [String]
            if isFolder.boolValue {
                if let why = FileSafety.problem(with: path, what: "plugin folder") {
                    refuse(path, path, why)
                    continue
                }
                files = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
                    .filter { $0.hasPrefix(filePrefix) && !$0.hasSuffix("~") && !$0.hasSuffix(".swp") }
                    .sorted()
                    .map { path + "/" + $0 }
            } else {
                files = [path]
            }
            for file in files where !seen.contains(file) {
                seen.insert(file)
                if let why = FileSafety.problem(withPlugin: file) { refuse(file, path, why); continue }
                guard FileSafety.isExecutableFile(file) else {
                    refuse(file, path, "\(file) is not an executable file; fix with: chmod +x \(file)")
                    continue
                }
                found.specs.append(ExternalPluginSpec(command: [file], origin: path))
            }
        }
        let configOrigin = configFolder + "/config.yaml"
        for entry in configured {
            guard let first = entry.command.first, !first.isEmpty else {
                refuse("(empty)", configOrigin, "external_plugins entry with an empty command")
                continue
            }
            guard let executable = resolve(first, configFolder: configFolder, searchPath: searchPath) else {
                refuse(first, configOrigin, "\(first) is not an executable in the config folder or an absolute PATH entry")
                continue
            }
            let arguments = entry.command.dropFirst().map { arg in
                arg.contains("/") ? absolute(arg, from: configFolder) : arg
            }
            // The executable, and every argument that names an existing file
            // (the script an interpreter runs), must be safe to run.
            var problem = FileSafety.problem(withPlugin: executable)
            for arg in arguments where problem == nil && arg.hasPrefix("/") && FileManager.default.fileExists(atPath: arg) {
                problem = FileSafety.problem(withPlugin: arg)
            }
            if let problem {
                refuse(entry.id ?? executable, configOrigin, problem)
                continue
            }
            let spec = ExternalPluginSpec(command: [executable] + arguments, configuredID: entry.id, origin: configOrigin)
            found.specs.append(spec)
            if !entry.config.isEmpty { found.config[spec.command.joined(separator: "\u{0}")] = entry.config }
        }
        return found
    }

    static func absolute(_ path: String, from folder: String) -> String {
        let p = path.hasPrefix("~/") ? NSHomeDirectory() + path.dropFirst() : path
        let joined = p.hasPrefix("/") ? p : folder + "/" + p
        return (joined as NSString).standardizingPath
    }

    /// A command name becomes an absolute path: one with a slash is taken
    /// from the config folder; a bare name is looked up only in absolute PATH
    /// entries (an empty or relative entry, such as `.`, would run whatever
    /// the current directory holds).
    static func resolve(_ command: String, configFolder: String, searchPath: String?) -> String? {
        if command.contains("/") {
            let path = absolute(command, from: configFolder)
            return FileSafety.isExecutableFile(path) ? path : nil
        }
        for entry in (searchPath ?? "").split(separator: ":", omittingEmptySubsequences: true) where entry.hasPrefix("/") {
            let candidate = entry + "/" + command
            if FileSafety.isExecutableFile(candidate) { return candidate }
        }
        return nil
    }
}
