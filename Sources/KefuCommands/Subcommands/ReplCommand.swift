import ArgumentParser
import Foundation
import KefuBuiltinSnippets
import KefuCore
import KefuExternalPlugins
import KefuPlugins
import KefuREPL

/// `kefu repl`: the interactive REPL. A bare `kefu` runs it when standard
/// input and output are both terminals (see `KefuCommand.entry`).
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Paste buyer messages, get ranked drafts, edit and copy them (what `kefu` runs on a terminal).",
        discussion: """
            Paste a buyer's message (a multi-line paste is one message) and press \
            Enter: kefu shows the intents it found and numbered drafts. Enter on \
            the empty line copies draft 1, a number N copies draft N, 'e N' edits \
            it in place, 'v N' in $VISUAL/$EDITOR, 'N+M' combines, 'm' shows \
            more, '? N' explains. ':help' lists every key and command; \
            docs/repl.md is the guide.

            Copies go to the terminal clipboard (OSC 52, works over SSH and in \
            tmux) and the system clipboard tool when there is one. History is kept \
            in $XDG_STATE_HOME/kefu/history. Settings: $XDG_CONFIG_HOME/kefu/config.yaml \
            (kefu config show).
            """)

    // Unconditional: `--top -1` is a value to refuse, not an option.
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("Drafts shown per message, 1 to 20 (default: 'drafts' in config.yaml, else 5).", valueName: "n"))
    var top: Int?

    @Option(
        name: .long,
        help: ArgumentHelp("Write drafts in this language (default: config.yaml, else auto: the buyer's).", valueName: "language"))
    var lang: LanguageChoice?

    @Option(
        name: .customLong("var"), help: ArgumentHelp("Set a template variable, e.g. --var agent=Mei (repeatable).", valueName: "key=value"))
    var variables: [VariableAssignment] = []

    @Flag(name: .customLong("no-clipboard"), help: "Print copies only: no OSC 52, no clipboard tool.")
    var noClipboard = false

    @Flag(name: [.customLong("no-color"), .customLong("no-colour")], help: "No colours or emphasis (NO_COLOR does the same).")
    var noColor = false

    @Flag(name: .customLong("no-history"), help: "Neither read nor write the history file.")
    var noHistory = false

    @OptionGroup var library: LibraryOptions
    @OptionGroup var externalPlugins: ExternalPluginOptions

    func validate() throws {
        if let top, !(1...20).contains(top) { throw ValidationError("--top must be between 1 and 20, not \(top)") }
    }

    func run() throws {
        let config = Configuration.read()
        let settings = replSettings(config)
        // Plugins and packs exactly as for `kefu suggest`; the REPL builds
        // (and on every pack change rebuilds) its engine through the loader.
        let session = PluginSession(library: library, plugins: externalPlugins, configuration: config, variables: settings.variables)
        defer { session.host.shutdown() }
        // `:reload`: config.yaml read again, the command line still winning.
        let reconfigure: REPL.Reconfigure = {
            let config = Configuration.read()
            return (replSettings(config), session.loader(for: config))
        }
        let status = REPL.run(settings: settings, loader: session.loader, reconfigure: reconfigure)
        if status != 0 { throw ExitCode(status) }
    }

    /// The REPL's settings: config.yaml, overridden by the command line.
    private func replSettings(_ config: Configuration) -> REPLSettings {
        var values = config.variables
        for v in variables { values[v.key] = v.value }
        var language = config.language
        if let lang { language = lang.language }
        return REPLSettings(
            variables: values, language: language, draftsShown: top ?? config.drafts,
            clipboard: noClipboard ? .none : config.clipboard, noColor: noColor,
            historyPath: noHistory ? nil : REPL.defaultHistoryPath(), historySize: config.historySize,
            notices: config.diagnostics.map(\.description),
            usageDirectory: config.usage ? StatePaths.usageDirectory() : nil,
            learnedDirectory: library.learnedLoaded ? StatePaths.learnedDirectory() : nil,
            savedPackPath: library.builtinOnly ? nil : Paths.configHome + "/kefu/snippets/saved.yaml")
    }
}
