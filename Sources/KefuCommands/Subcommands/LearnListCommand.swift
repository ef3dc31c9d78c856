import ArgumentParser
import Foundation
import KefuCore

/// `kefu learn list`.
struct LearnListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the learned examples: id, intent, votes (ticked once confirmed), how learned, language, text.",
        discussion: "--format tsv writes the columns of kefu eval and kefu learn import (text, intents) followed by id, votes and source.")

    @Option(name: .long, help: "Output format: text or tsv.")
    var format: String = "text"

    @Option(name: .long, help: ArgumentHelp("Only the examples of this intent.", valueName: "id"))
    var intent: String?

    func validate() throws {
        guard ["text", "tsv"].contains(format) else { throw ValidationError("--format must be text or tsv") }
    }

    func run() throws {
        let all = try LearnCommand.examples().filter { intent == nil || $0.intent == intent }
        if format == "tsv" {
            StandardOutput.print("text\tintents\tid\tvotes\tsource")
            for e in all {
                let text = Terminal.inert(e.text).replacingOccurrences(of: "\t", with: " ")
                StandardOutput.print("\(text)\t\(e.intent)\t\(e.id)\t\(e.votes)\t\(e.source.rawValue)")
            }
            return
        }
        guard !all.isEmpty else {
            StandardOutput.print(
                "no learned examples" + (intent.map { " of \($0)" } ?? "")
                    + " (copying a draft for a message kefu missed teaches one; :intent ID labels one)")
            return
        }
        let intentWidth = max(6, all.map(\.intent.count).max() ?? 6)
        StandardOutput.print(
            "id".leftPadded(5) + "  " + "intent".padding(toLength: intentWidth, withPad: " ", startingAt: 0)
                + "  votes  learned by  language  text")
        for e in all {
            let votes = "\(e.votes)" + (e.confirmed ? " ✓" : "  ")
            StandardOutput.print(
                String(e.id).leftPadded(5) + "  " + e.intent.padding(toLength: intentWidth, withPad: " ", startingAt: 0) + "  "
                    + votes.leftPadded(5) + "  " + e.source.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + "  "
                    + e.language.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + "  " + Terminal.inert(e.text))
        }
        let confirmed = all.filter(\.confirmed).count
        StandardOutput.print(
            "\(all.count) learned example(s), \(confirmed) confirmed (✓: \(LearningPolicy.confirmations) votes or more), \(all.count - confirmed) waiting for review"
        )
    }
}
