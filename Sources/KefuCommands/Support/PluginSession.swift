import KefuCore
import KefuExternalPlugins
import KefuREPL

/// What every front end runs a message through: the packs on the search
/// path, the built-in code plugins and the session's external plugins.
/// `kefu suggest`, `kefu test` and the REPL all build their engine here,
/// so the same message gets the same drafts whichever one an agent or a
/// script uses.
final class PluginSession {
    let external: ExternalPluginParts
    /// The built-in code plugins as loaded (or disabled, or failed).
    let codePlugins: CodePluginSet
    /// Packs and engines: read once by the commands, on every pack change by
    /// the REPL.
    let loader: PackLoader
    var host: ExternalPluginHost { external.host }
    private let errors: StandardError
    private let library: LibraryOptions
    private let plugins: ExternalPluginOptions
    /// The packs the external plugins declare (their intents).
    private let declared: [PackSource]

    /// The engine over the packs as they are now (built on first use: the
    /// REPL builds its own through `loader` and never needs this one).
    private(set) lazy var engine: Engine = {
        let (sources, problems) = loader.collect()
        let library = SnippetLibrary.load(sources, problems: problems)
        for d in library.diagnostics { errors.write("\(d)\n") }
        return loader.makeEngine(library)
    }()

    /// Discovers and starts the external plugins (waiting for their
    /// handshakes) and loads the code plugins with their settings.
    /// - Parameters:
    ///   - configuration: config.yaml (`packs:`, `disabled_packs:`; plugin
    ///     settings are read by the plugin hosts).
    ///   - variables: what external plugins are told in their handshake.
    ///   - defaultDeadline: seconds an external plugin has per request unless
    ///     `--plugin-deadline` or config.yaml says otherwise.
    init(
        library: LibraryOptions, plugins: ExternalPluginOptions, configuration: Configuration,
        variables: [String: String] = [:], defaultDeadline: Double? = nil, errors: StandardError = StandardError()
    ) {
        self.errors = errors
        self.library = library
        self.plugins = plugins
        let host = Self.startHost(
            plugins, configuration: configuration, variables: variables, defaultDeadline: defaultDeadline, errors: errors)
        let declared = PluginIntentsPack.sources(for: host)
        for p in declared.problems { errors.write("kefu: \(p)\n") }
        let external = ExternalPluginParts(host: host)
        self.external = external
        self.declared = declared.sources
        // Code plugins load once (settings, catalogue); their parts join every engine built.
        let codePlugins = CodePluginLoading.load(configuration, disabled: plugins.disabled(configuration), errors: errors)
        self.codePlugins = codePlugins
        loader = Self.loader(
            library: library, configuration: configuration, declared: declared.sources, code: codePlugins.parts, external: external)
    }

    /// Packs and engines for a configuration read again (the REPL's
    /// `:reload`): its packs, disabled packs, threshold and code plugin
    /// settings; the external plugins already running are kept.
    func loader(for configuration: Configuration) -> PackLoader {
        let code = CodePluginLoading.load(configuration, disabled: plugins.disabled(configuration), errors: errors).parts
        return Self.loader(library: library, configuration: configuration, declared: declared, code: code, external: external)
    }

    private static func loader(
        library: LibraryOptions, configuration: Configuration, declared: [PackSource], code: PluginParts, external: ExternalPluginParts
    ) -> PackLoader {
        let packSettings = configuration.packSettings
        let searchPath = library.searchPath(packSettings)
        let options = configuration.engineOptions
        return PackLoader(
            collect: { library.collectSources(packSettings, first: declared) },
            watchedPaths: { searchPath.map(\.path) },
            makeEngine: { lib in
                Engine(
                    library: lib,
                    detectorFactories: code.detectorFactories + external.detectorFactories,
                    extractors: code.extractors + external.extractors,
                    providers: code.providers + external.providers, checks: code.checks + external.checks,
                    options: options)
            })
    }

    /// One message through the engine (packs, code and external plugins).
    func suggest(_ raw: String, _ request: SuggestionRequest) -> Suggestion {
        engine.suggest(raw, request)
    }

    /// Discovers and starts the external plugins (waiting for their
    /// handshakes) and reports those that did not come up.
    static func startHost(
        _ plugins: ExternalPluginOptions, configuration: Configuration, variables: [String: String], defaultDeadline: Double? = nil,
        errors: StandardError
    ) -> ExternalPluginHost {
        let host = plugins.makeHost(configuration: configuration, variables: variables, defaultDeadline: defaultDeadline, errors: errors)
        host.start()
        for s in host.statuses where s.state != .loaded && s.state != .refused && !s.turnedOff {
            errors.write(
                "kefu: plugin \(s.id) is \(s.state.rawValue == "restarting" ? "failing" : s.state.rawValue): \(s.detail ?? "") (answers come without it until it recovers)\n"
            )
        }
        let ids = host.statuses.filter { $0.state != .refused }.map(\.id)
        for id in Set(ids) where ids.filter({ $0 == id }).count > 1 {
            errors.write(
                "kefu: \(ids.filter { $0 == id }.count) plugins call themselves \(id); their answers and skips are reported under one id\n")
        }
        return host
    }
}
