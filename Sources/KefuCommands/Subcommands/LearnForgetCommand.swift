import ArgumentParser
import Foundation
import KefuCore

/// `kefu learn forget ID...`.
struct LearnForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Forget learned examples by id (kefu learn list shows the ids).")

    @Argument(help: ArgumentHelp("Ids of the examples to forget.", valueName: "id"))
    var ids: [Int]

    func validate() throws {
        if ids.isEmpty { throw ValidationError("name at least one id (kefu learn list shows them)") }
    }

    func run() throws {
        let gone: [LearnedExample]
        do { gone = try LearnCommand.store.forget(Set(ids)) } catch {
            StandardError().write("kefu: \(error)\n")
            throw ExitCode(1)
        }
        for e in gone { StandardOutput.print("forgot \(e.id) \(e.intent) “\(Terminal.inert(e.text))”") }
        let unknown = Set(ids).subtracting(gone.map(\.id)).sorted()
        if !unknown.isEmpty {
            StandardError().write(
                "kefu: no learned example with id " + unknown.map(String.init).joined(separator: ", ") + " (kefu learn list)\n")
            throw ExitCode(1)
        }
    }
}
