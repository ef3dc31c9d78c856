import ArgumentParser
import Foundation

/// `kefu`: the root command.
public struct KefuCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kefu",
        abstract: "客服 · ranked draft replies to buyer messages, in the buyer's language.",
        discussion: """
            Paste a buyer's message, get ready-to-send drafts: kefu detects what \
            the buyer wants (logistics, refund, bargaining, complaints, ...) in \
            Simplified Chinese, Traditional Chinese and English, and fills the \
            shop's snippet packs with what the message says.

            With no subcommand and stdin not a terminal, kefu behaves as \
            'kefu suggest', so `echo "where is my parcel" | kefu` just works. \
            On a terminal it reads messages line by line and prints drafts.

            Packs load from: built-in → ./snippets → $XDG_CONFIG_HOME/kefu/snippets → --snippets.
            """,
        version: "0.1.0",
        subcommands: [SuggestCommand.self, TestCommand.self, EvalCommand.self, PluginsCommand.self],
        defaultSubcommand: SuggestCommand.self)

    public init() {}

    /// Runs kefu with the process arguments. Usage errors exit with status 2
    /// (ArgumentParser's default is 64), as documented for scripts.
    public static func entry() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
