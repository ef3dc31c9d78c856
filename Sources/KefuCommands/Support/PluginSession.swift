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
        let host = Self.startHost(plugins, configuration: configuration, variables: variables, defaultDeadline: defaultDeadline, errors: errors)
        let declared = PluginIntentsPack.sources(for: host)
        for p in declared.problems { errors.write("kefu: \(p)\n") }
        let external = ExternalPluginParts(host: host)
        self.external = external
        // Code plugins load once (settings, catalogue); their parts join every engine built.
        let codePlugins = CodePluginLoading.load(configuration, disabled: plugins.disabled(configuration), errors: errors)
        self.codePlugins = codePlugins
        let code = codePlugins.parts
        let packSettings = configuration.packSettings
        let searchPath = library.searchPath(packSettings)
        let options = { var o = Engine.Options(); o.threshold = configuration.threshold; return o }()
        loader = PackLoader(
            collect: { library.collectSources(packSettings, first: declared.sources) },
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
            errors.write("kefu: plugin \(s.id) is \(s.state.rawValue == "restarting" ? "failing" : s.state.rawValue): \(s.detail ?? "") (answers come without it until it recovers)\n")
        }
        let ids = host.statuses.filter { $0.state != .refused }.map(\.id)
        for id in Set(ids) where ids.filter({ $0 == id }).count > 1 {
            errors.write("kefu: \(ids.filter { $0 == id }.count) plugins call themselves \(id); their answers and skips are reported under one id\n")
        }
        return host
    }
}
