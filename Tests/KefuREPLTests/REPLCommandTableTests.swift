import Testing

@testable import KefuREPL

/// The `:` command table: every name and alias leads back to its own
/// command, none is shared, and help has a line for each.
@Suite struct REPLCommandTableTests {
    @Test(arguments: REPLCommand.allCases)
    func everyNameAndAliasFindsItsCommand(_ command: REPLCommand) {
        for typed in [command.name] + command.aliases + [command.name.uppercased()] {
            #expect(REPLCommand(named: typed) == command, "\(typed)")
        }
        #expect(!command.help.isEmpty)
    }

    @Test func namesAndAliasesAreUnique() {
        let all = REPLCommand.allCases.flatMap { [$0.name] + $0.aliases }
        #expect(Set(all).count == all.count)
    }

    @Test func anUnknownNameIsNoCommand() {
        #expect(REPLCommand(named: "oder") == nil)
        #expect(REPLCommand(named: "") == nil)
    }

    @Test func tabCompletesCommandNamesFromTheTable() {
        let names = REPLCommand.allCases.map(\.name)
        let completion = Session.completion(of: "re", among: names, prefix: "")
        #expect(completion.candidates.sorted() == ["reload", "remind"])
        #expect(Session.completion(of: "rel", among: names, prefix: "").insert == "oad ")
    }
}
