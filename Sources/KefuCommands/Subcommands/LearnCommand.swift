import ArgumentParser
import Foundation
import KefuCore

/// `kefu learn`: review, forget, export and import the examples kefu
/// learns from the agent's copies (docs/user-guide.md, *Learning*).
struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Review, forget, export or import the examples kefu learned from copies.",
        discussion: """
            Copying a draft in the REPL for a message kefu missed or read \
            wrongly teaches kefu that the message is an example of the \
            draft's intent; ':intent ID' labels a message explicitly. The \
            examples live in $XDG_STATE_HOME/kefu/learned/ and are loaded \
            after every other pack (--no-learned skips them). An example \
            counts less than a pack example until it is confirmed \
            (\(LearningPolicy.confirmations) copies or labels).
            """,
        subcommands: [LearnListCommand.self, LearnForgetCommand.self, LearnExportCommand.self, LearnImportCommand.self])

    static var store: LearnedStore { LearnedStore(directory: StatePaths.learnedDirectory()) }

    /// The store's examples, or a clear error and exit status 1.
    static func examples() throws -> [LearnedExample] {
        do { return try store.examples() } catch {
            StandardError().write("kefu: \(error)\n")
            throw ExitCode(1)
        }
    }
}
