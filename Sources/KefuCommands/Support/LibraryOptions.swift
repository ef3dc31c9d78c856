import ArgumentParser
import Foundation
import KefuBuiltinSnippets
import KefuCore
import KefuPlugins

/// `--snippets PATH` and the rest of the pack search path, shared by every
/// command that loads packs.
struct LibraryOptions: ParsableArguments {
    @Option(
        name: .customLong("snippets"),
        help: ArgumentHelp("Load packs from this file or folder too, after the others (repeatable).", valueName: "path"))
    var extraPaths: [String] = []

    @Flag(
        name: .customLong("no-user-packs"),
        help:
            "Load only the built-in packs and --snippets paths: skip ./snippets, $XDG_CONFIG_HOME/kefu/snippets, the learned examples and the packs and disabled_packs of config.yaml."
    )
    var builtinOnly = false

    @Flag(
        name: .customLong("no-learned"),
        help: "Skip the examples kefu learned from copies ($XDG_STATE_HOME/kefu/learned); the REPL learns nothing either.")
    var noLearned = false

    /// Whether the learned pack is loaded (and the REPL learns).
    var learnedLoaded: Bool { !builtinOnly && !noLearned }

    /// The search path after the built-in packs, in load order: ./snippets →
    /// user folder → config.yaml `packs:` → --snippets. `required`: a named
    /// path, reported when it is missing; the two folders are optional (the
    /// REPL still watches them, so one created later is picked up).
    /// `--no-user-packs` leaves out everything config.yaml and the folders
    /// say, so a run (CI, `make test`) does not depend on whose machine it is.
    func searchPath(_ settings: PackSettings) -> [(path: String, layer: PackLayer, required: Bool)] {
        var result: [(String, PackLayer, Bool)] = []
        if !builtinOnly {
            result.append((FileManager.default.currentDirectoryPath + "/snippets", .project, false))
            result.append((Paths.configHome + "/kefu/snippets", .user, false))
            for p in settings.packs { result.append((p, .user, true)) }
        }
        for p in extraPaths { result.append((p, .commandLine, true)) }
        // Last: a learned example may extend an intent of any other layer.
        if learnedLoaded { result.append((StatePaths.learnedDirectory(), .learned, false)) }
        return result
    }

    /// Every pack source in load order: `first` (packs any other overrides,
    /// such as the intents external plugins declare), the built-in packs,
    /// then the search path as it is now (optional folders only when they
    /// exist), without the packs config.yaml names in `disabled_packs:`.
    /// Every command and the REPL's reloads read packs through here.
    func collectSources(_ settings: PackSettings, first: [PackSource] = []) -> (sources: [PackSource], problems: [Diagnostic]) {
        var sources = first + BuiltinSnippets.files.map { PackSource(path: "builtin:" + $0.path, text: $0.text, layer: .builtin) }
        var problems: [Diagnostic] = []
        for (path, layer, required) in searchPath(settings) {
            if !required && !FileManager.default.fileExists(atPath: path) { continue }
            let found = PackSource.files(at: path, layer: layer)
            sources += found.sources
            problems += found.problems
        }
        let disabled = builtinOnly ? [] : settings.disabled
        if !disabled.isEmpty {
            sources.removeAll { PackIdentity.matches($0, disabled) }
        }
        return (sources, problems)
    }

    /// The packs on the search path, for commands that only read them.
    func loadLibrary(_ configuration: Configuration) -> SnippetLibrary {
        let (sources, problems) = collectSources(configuration.packSettings)
        return SnippetLibrary.load(sources, problems: problems)
    }

    /// Detection only (`kefu eval`): the packs and the code plugins'
    /// detectors and extractors, without drafts from plugins.
    func makeEngine(
        _ configuration: Configuration, options: Engine.Options = Engine.Options(), reportingTo errors: StandardError = StandardError()
    ) -> Engine {
        let library = loadLibrary(configuration)
        for d in library.diagnostics { errors.write("\(d)\n") }
        return Engine(
            library: library, detectorFactories: BuiltinPlugins.detectorFactories, extractors: BuiltinPlugins.extractors, options: options)
    }
}

/// What config.yaml says about packs (`packs:`, `disabled_packs:`), as the
/// pack search reads it: a plain value that reload closures can hold.
struct PackSettings: Sendable {
    var packs: [String] = []
    var disabled: Set<String> = []
}

extension Configuration {
    var packSettings: PackSettings { PackSettings(packs: packs, disabled: Set(disabledPacks)) }
}

enum Paths {
    static var configHome: String {
        if let x = ProcessInfo.processInfo.environment["XDG_CONFIG_HOME"], x.hasPrefix("/") { return x }
        return NSHomeDirectory() + "/.config"
    }
}
