import Foundation

/// `picks.json` beside the learned examples: the REPL's `PickRates`,
/// updated under the learned folder's lock and written atomically, so two
/// REPLs' picks add up.
package struct PickStore: Sendable {
    package let directory: String

    package init(directory: String) { self.directory = directory }

    package var path: String { directory + "/picks.json" }

    /// The rates as saved; empty when there are none or the file is unreadable
    /// (a pick rate is a nudge, never worth refusing to start over).
    package func load() -> PickRates {
        guard let data = FileManager.default.contents(atPath: path) else { return PickRates() }
        return (try? JSONDecoder().decode(PickRates.self, from: data)) ?? PickRates()
    }

    /// Adds one copy to the saved rates; returns them as they are now.
    package func record(offered: [String], picked: String, at now: Date = Date()) throws -> PickRates {
        try PrivateFiles.withLock(directory + "/.lock") {
            var rates = load()
            rates.record(offered: offered, picked: picked, at: now)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try PrivateFiles.writeAtomically(try encoder.encode(rates), to: path)
            return rates
        }
    }
}
