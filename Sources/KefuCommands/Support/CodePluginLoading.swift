import KefuCore
import KefuPlugins

/// Loads the built-in code plugins for a command: their settings from
/// config.yaml, all but the `disabled` ones (`ExternalPluginOptions.disabled`:
/// config.yaml's `disabled_plugins:` and `--disable`).
enum CodePluginLoading {
    static func load(_ configuration: Configuration, disabled: Set<String>, errors: StandardError) -> CodePluginSet {
        let plugins = BuiltinPlugins.all
        let config = CodePluginConfiguration.parse(configuration.document, file: configuration.file, plugins: plugins)
        for p in config.problems { errors.write("\(p)\n") }
        let set = CodePluginSet(
            plugins.map { p in
                config.invalid[p.declaration.id].map { InvalidSettings(declaration: p.declaration, problem: $0, examples: p.examples) } ?? p
            },
            settings: config.settings, disabled: disabled, folder: Paths.configHome + "/kefu")
        for f in set.failures { errors.write("kefu: plugin \(f.declaration.id) failed: \(f.detail ?? "") (answers come without it)\n") }
        return set
    }
}

/// A plugin whose settings were rejected: reported failed, loads nothing.
private struct InvalidSettings: CodePlugin {
    let declaration: PluginDeclaration
    let problem: String
    let examples: [PluginExample]
    struct Failure: Error, CustomStringConvertible { let description: String }
    func load(_ settings: PluginSettings) throws -> PluginParts { throw Failure(description: problem) }
}
