import CLibedit
import Foundation
import KefuCore

/// What the command line and the configuration decided for this session.
package struct REPLSettings: Sendable {
    /// Template values from the configuration and `--var` (`shop`, `agent`, ...).
    package var variables: [String: String]
    /// Forced draft language; nil is automatic (the buyer's own).
    package var language: Language?
    /// Drafts shown per message (and per `m`).
    package var draftsShown: Int
    package var clipboard: ClipboardMethod
    /// `--no-color`; NO_COLOR and a non-terminal stdout turn colour off too.
    package var noColor: Bool
    /// The history file; nil keeps no history.
    package var historyPath: String?
    package var historySize: Int
    /// Lines to show before the first prompt (configuration warnings).
    package var notices: [String]
    /// The usage log's folder; nil keeps no log (`usage: off`).
    package var usageDirectory: String?
    /// The learned examples' folder; nil learns nothing (`--no-learned`).
    package var learnedDirectory: String?
    /// The user's pack file `:save` adds snippets to; nil when the user's
    /// packs are not loaded (`--no-user-packs`), so nothing would be offered.
    package var savedPackPath: String?

    package init(
        variables: [String: String] = [:], language: Language? = nil, draftsShown: Int = 5,
        clipboard: ClipboardMethod = .auto, noColor: Bool = false,
        historyPath: String? = REPL.defaultHistoryPath(), historySize: Int = 1000, notices: [String] = [],
        usageDirectory: String? = nil, learnedDirectory: String? = nil, savedPackPath: String? = nil
    ) {
        self.variables = variables
        self.language = language
        self.draftsShown = draftsShown
        self.clipboard = clipboard
        self.noColor = noColor
        self.historyPath = historyPath
        self.historySize = historySize
        self.notices = notices
        self.usageDirectory = usageDirectory
        self.learnedDirectory = learnedDirectory
        self.savedPackPath = savedPackPath
    }
}

/// The interactive front end: `kefu` on a terminal, `kefu repl`.
package enum REPL {
    /// `$XDG_STATE_HOME/kefu/history`, by default `~/.local/state/kefu/history`.
    package static func defaultHistoryPath() -> String { HistoryFile.defaultPath() }

    /// How copies would go with `method` here: "auto (OSC 52 + xclip)".
    package static func describeClipboard(_ method: ClipboardMethod) -> String {
        let environment = ProcessInfo.processInfo.environment
        let clipboard = Clipboard(method: method, terminal: true, environment: environment)
        let tool = clipboard.systemTool().map { ([$0.name] + $0.arguments).joined(separator: " ") }
        switch method {
        case .none: return "none (print only)"
        case .osc52: return "osc52 (terminal clipboard only)"
        case .system: return "system (" + (tool ?? "no clipboard tool found") + ")"
        case .auto: return "auto (OSC 52" + (tool.map { " + " + $0 } ?? "; no clipboard tool found") + ")"
        case .command(let words): return "OSC 52 + " + words.joined(separator: " ")
        }
    }

    /// Columns of the terminal standard output is, nil when it is not one
    /// (commands that draw for a terminal: `kefu stats`).
    package static func terminalColumns() -> Int? {
        guard TerminalIO.stdoutIsTerminal else { return nil }
        let c = Int(kefu_terminal_columns(1))
        return c > 0 ? c : nil
    }

    /// Whether what kefu draws on standard output may be coloured: only on a
    /// terminal, and never with NO_COLOR set (no-color.org). The REPL and
    /// `kefu stats` both ask here.
    package static func colourWanted(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        TerminalIO.stdoutIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The editor `v N` runs and where that choice comes from.
    package static func describeEditor() -> (command: String, source: String) {
        guard let e = ExternalEditor.command(environment: ProcessInfo.processInfo.environment) else {
            return ("(none: set $VISUAL or $EDITOR)", "default")
        }
        return (e.words.joined(separator: " "), e.source)
    }

    /// What `:reload` reads again besides the packs: the settings from
    /// config.yaml (with the command line's overrides) and a loader for its
    /// packs, disabled packs, threshold and plugin settings.
    package typealias Reconfigure = () -> (settings: REPLSettings, loader: PackLoader)

    /// Runs until `:quit` or Ctrl-D; returns the exit status.
    package static func run(settings: REPLSettings, loader: PackLoader, reconfigure: Reconfigure? = nil) -> Int32 {
        let interactive = TerminalIO.stdinIsTerminal
        if interactive { TerminalIO.setUpLocale() }
        Signals.install()
        if interactive { TerminalMode.takeOver() }
        // Runs after the reader is closed (libedit puts back the mode it found).
        defer { TerminalMode.restore() }
        let environment = ProcessInfo.processInfo.environment
        let colour = !settings.noColor && colourWanted(environment: environment)

        let reader: LineReader
        if interactive, let editor = EditLineReader(historySize: settings.historySize) {
            editor.colour = colour
            reader = editor
        } else {
            reader = PlainLineReader()
        }
        defer { reader.close() }
        let history = interactive ? settings.historyPath.map { HistoryFile(path: $0, limit: settings.historySize) } : nil
        var settings = settings
        if let history {
            reader.setHistory(history.load())
            if let notice = history.takeNotice() { settings.notices.append("history: " + notice) }
        }

        let session = Session(
            settings: settings, library: LiveLibrary(loader: loader), reader: reader, history: history,
            colour: colour, environment: environment, interactive: interactive, reconfigure: reconfigure)
        return session.run()
    }
}
