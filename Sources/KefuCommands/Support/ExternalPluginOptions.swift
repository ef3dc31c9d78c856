import ArgumentParser
import Foundation
import KefuCore
import KefuExternalPlugins

/// `--plugins PATH`, `--no-plugins`, `--plugin-deadline MS`: which external
/// plugins a command starts; `--disable ID` turns off any plugin, code or
/// external. Shared by every command that runs the engine.
struct ExternalPluginOptions: ParsableArguments {
    @Option(
        name: .customLong("plugins"),
        help: ArgumentHelp("Load external plugins from this folder or file too (repeatable).", valueName: "path"))
    var paths: [String] = []

    @Flag(name: .customLong("no-plugins"), help: "Start no external plugins.")
    var none = false

    @Option(
        name: .customLong("plugin-deadline"),
        help: ArgumentHelp(
            "Milliseconds an external plugin has per request (default 200, or plugin_deadline_ms in config.yaml).", valueName: "ms"))
    var deadline: Int?

    @Option(
        name: .customLong("disable"),
        help: ArgumentHelp("Turn off this plugin (code or external) for this run (repeatable).", valueName: "id"))
    var disabledIDs: [String] = []

    func validate() throws {
        if let d = deadline, !(10...10_000).contains(d) {
            throw ValidationError("--plugin-deadline must be between 10 and 10000 milliseconds")
        }
        // An error, not a warning: a script that names a plugin depends on
        // its answers, and running without it would give other drafts with
        // exit status 0 (a typo in a path would go unnoticed for good).
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("--plugins \(path): no such file or folder")
        }
    }

    /// Every plugin id turned off for this run, code or external:
    /// config.yaml's `disabled_plugins:` and each `--disable`.
    func disabled(_ configuration: Configuration) -> Set<String> {
        Set(configuration.disabledPlugins).union(disabledIDs)
    }

    /// Discovers the session's plugins (without starting them): ./plugins,
    /// the user's plugin folder, --plugins paths, config.yaml entries.
    /// - Parameters:
    ///   - configuration: config.yaml as read (its `disabled_plugins:`).
    ///   - defaultDeadline: seconds per request unless `--plugin-deadline` says
    ///     otherwise (`kefu test` checks answers, not speed, and waits longer).
    func makeHost(
        configuration: Configuration, kefuVersion: String = KefuCommand.configuration.version, variables: [String: String] = [:],
        defaultDeadline: Double? = nil, errors: StandardError = StandardError()
    ) -> ExternalPluginHost {
        guard !none else { return ExternalPluginHost(specs: []) }
        let configFolder = Paths.configHome + "/kefu"
        let external = ExternalPluginConfiguration.parse(configuration.document, file: configuration.file)
        for p in external.problems { errors.write("\(p)\n") }
        var folders: [(path: String, required: Bool)] = [
            (FileManager.default.currentDirectoryPath + "/plugins", false),
            (configFolder + "/plugins", false),
        ]
        folders += paths.map { ($0, true) }
        let found = ExternalPluginDiscovery.discover(folders: folders, configured: external.plugins, configFolder: configFolder)
        for r in found.refused { errors.write("kefu: plugin \(r.id) refused: \(r.detail ?? "")\n") }
        var settings = ExternalPluginSettings()
        if let d = defaultDeadline { settings.requestDeadline = d }
        if let ms = deadline ?? (defaultDeadline == nil ? external.deadlineMilliseconds : nil) {
            settings.requestDeadline = Double(ms) / 1000
        }
        settings.logFolder = Paths.stateHome + "/kefu/plugins"
        var config = found.config
        for spec in found.specs {
            var c = variables
            for (k, v) in found.config[spec.command.joined(separator: "\u{0}")] ?? [:] { c[k] = v }
            config[spec.command.joined(separator: "\u{0}")] = c
        }
        return ExternalPluginHost(
            specs: found.specs, refused: found.refused, settings: settings, kefuVersion: kefuVersion, config: config,
            disabledIDs: disabled(configuration), warn: { errors.write("kefu: warning: \($0)\n") })
    }
}

extension Paths {
    static var stateHome: String {
        if let x = ProcessInfo.processInfo.environment["XDG_STATE_HOME"], x.hasPrefix("/") { return x }
        return NSHomeDirectory() + "/.local/state"
    }
}
