import Foundation

/// Where kefu keeps what it learns and records about its use:
/// `$XDG_STATE_HOME/kefu/` (by default `~/.local/state/kefu/`), beside the
/// REPL's history. State, not configuration: it is written by kefu, private
/// to the user, and can be deleted without losing a setting.
package enum StatePaths {
    package static func stateHome(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let x = environment["XDG_STATE_HOME"], x.hasPrefix("/") { return x + "/kefu" }
        return NSHomeDirectory() + "/.local/state/kefu"
    }

    /// The usage log's folder (`usage/`).
    package static func usageDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        stateHome(environment: environment) + "/usage"
    }

    /// The learned pack's folder (`learned/`).
    package static func learnedDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        stateHome(environment: environment) + "/learned"
    }
}
