import ArgumentParser
import Foundation

/// `kefu`: the root command.
package struct KefuCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "kefu",
        // Help text is ASCII: the man page generator drops every other character.
        abstract: "Ranked draft replies to buyer messages, in the buyer's language.",
        // Generated, it would be `kefu <subcommand>`: a bare `kefu` is the REPL or `kefu suggest`.
        usage: "kefu [<subcommand>] [<options>]",
        discussion: """
            Paste a buyer's message, get ready-to-send drafts: kefu detects what \
            the buyer wants (logistics, refund, bargaining, complaints, ...) in \
            Simplified Chinese, Traditional Chinese and English, and fills the \
            shop's snippet packs with what the message says.

            With no subcommand and stdin not a terminal, kefu behaves as \
            'kefu suggest', so `echo "where is my parcel" | kefu` just works. \
            On a terminal (stdin and stdout), it starts the interactive REPL \
            ('kefu repl'; docs/repl.md).

            Packs load from, later ones overriding earlier ones: the built-in \
            packs, ./snippets, $XDG_CONFIG_HOME/kefu/snippets, then each --snippets path.
            """,
        version: "0.1.0",
        subcommands: [
            SuggestCommand.self, ReplCommand.self, TestCommand.self, EvalCommand.self, PluginsCommand.self,
            ConfigCommand.self, LearnCommand.self, StatsCommand.self,
        ],
        defaultSubcommand: SuggestCommand.self)

    package init() {}

    /// Runs kefu with the process arguments. Usage errors exit with status 2
    /// (ArgumentParser's default is 64), as documented for scripts.
    package static func entry() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if startsREPL(arguments, terminal: isatty(0) == 1 && isatty(1) == 1) { arguments.insert("repl", at: 0) }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            finish(status: 0)
        } catch {
            // ArgumentParser's messages echo what was typed (`--lang`,
            // `--var` values), so they go out through the sanitiser rather
            // than `exit(withError:)`: help to stdout, errors to stderr.
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { StandardOutput.print(message) } else { StandardError().write(message + "\n") }
            }
            finish(status: code == .validationFailure ? 2 : code.rawValue)
        }
    }

    /// Exits, non-zero when standard output could not be written (a full
    /// disk, a closed descriptor): output that was lost is never a success.
    static func finish(status: Int32) -> Never {
        if StandardOutput.closed {
            if let report = StandardOutput.failureReport { StandardError().write(report + "\n") }
            Foundation.exit(status == 0 ? 1 : status)
        }
        Foundation.exit(status)
    }

    /// A bare `kefu` (no subcommand, perhaps options) with standard input and
    /// output both terminals is the REPL; with input from a pipe or file it
    /// stays `kefu suggest`. Options only `suggest` has (`--input`,
    /// `--format`, `--explain`, `--render-snippet` and its old name
    /// `--snippet`) also keep it `suggest`.
    static func startsREPL(_ arguments: [String], terminal: Bool) -> Bool {
        guard terminal else { return false }
        guard let first = arguments.first else { return true }
        let ownOptions = ["-h", "--help", "--help-hidden", "--version", "--generate-completion-script", "--experimental-dump-help"]
        guard first.hasPrefix("-"), !ownOptions.contains(where: { first == $0 || first.hasPrefix($0 + "=") }) else { return false }
        let suggestOnly = ["--input", "--format", "--explain", "--render-snippet", "--snippet"]
        return !arguments.contains { a in suggestOnly.contains { a == $0 || a.hasPrefix($0 + "=") } }
    }
}
