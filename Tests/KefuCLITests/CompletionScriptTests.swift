import Foundation
import KefuTestSupport
import Testing

@testable import KefuCommands

/// `kefu --generate-completion-script SHELL` (what `make install` installs)
/// prints the script even on a terminal, where a bare option would
/// otherwise start the REPL.
@Suite struct CompletionScriptTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func theScriptIsPrinted(_ shell: String) throws {
        let sandbox = try Sandbox()
        let r = try Kefu.run(["--generate-completion-script", shell], in: sandbox)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("render-snippet"), "kefu suggest's options are completed")
        #expect(!r.out.contains("--snippet "), "the deprecated spelling is not offered")
    }

    @Test(arguments: [["--generate-completion-script", "bash"], ["--generate-completion-script=zsh"], ["--experimental-dump-help"]])
    func onATerminalItIsNotTheREPL(_ arguments: [String]) {
        #expect(!KefuCommand.startsREPL(arguments, terminal: true))
    }

    @Test func aBareOptionOnATerminalStillIsTheREPL() {
        #expect(KefuCommand.startsREPL(["--top", "3"], terminal: true))
        #expect(!KefuCommand.startsREPL(["--render-snippet", "payment-reminder.gentle"], terminal: true))
    }
}
