import Foundation
import KefuTestSupport
import Testing

/// `--render-snippet ID` (formerly `--snippet`, one letter from `--snippets
/// PATH`): the old spelling still works, with a warning, and is not in help.
@Suite struct RenderSnippetOptionTests {
    func run(_ option: String) throws -> KefuResult {
        let sandbox = try Sandbox()
        return try Kefu.run(["suggest"] + isolated + ["--lang", "en", option, "payment-reminder.gentle"], stdin: "hello\n", in: sandbox)
    }

    @Test func rendersTheSnippetForEveryMessage() throws {
        let r = try run("--render-snippet")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("payment-reminder.gentle"))
        #expect(r.err.isEmpty, "\(r.err)")
    }

    @Test func theOldSpellingStillWorksWithAWarning() throws {
        let r = try run("--snippet")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == (try self.run("--render-snippet")).out)
        #expect(r.err.contains("--snippet is deprecated"), "\(r.err)")
        #expect(r.err.contains("--render-snippet"), "\(r.err)")
    }

    @Test func theOldSpellingIsNotInHelp() throws {
        let sandbox = try Sandbox()
        let help = try Kefu.run(["suggest", "--help"], in: sandbox).out
        #expect(help.contains("--render-snippet <id>"))
        #expect(!help.contains("--snippet <"))
    }

    @Test func bothSpellingsAtOnceAreAUsageError() throws {
        let sandbox = try Sandbox()
        let r = try Kefu.run(
            ["suggest"] + isolated + ["--render-snippet", "payment-reminder.gentle", "--snippet", "payment-reminder.nudge"],
            stdin: "hello\n", in: sandbox)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
    }
}
