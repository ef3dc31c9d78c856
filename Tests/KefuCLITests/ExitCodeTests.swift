import Foundation
import KefuTestSupport
import Testing

/// Usage errors exit with status 2, before any input is read.
@Suite struct ExitCodeTests {
    struct Usage: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var mentions: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let usageErrors: [Usage] = [
        Usage(arguments: ["suggest", "--bogus"], mentions: "--bogus"),
        Usage(arguments: ["--bogus"], mentions: "--bogus"),
        Usage(arguments: ["suggest", "--top", "0"], mentions: "--top"),
        Usage(arguments: ["--top", "0"], mentions: "--top"),
        Usage(arguments: ["suggest", "--top", "many"], mentions: "many"),
        // A negative number is a value out of range, not a missing value.
        Usage(arguments: ["suggest", "--top", "-1"], mentions: "--top must be between 1 and 100, not -1"),
        Usage(arguments: ["repl", "--top", "-1"], mentions: "--top must be between 1 and 20, not -1"),
        Usage(arguments: ["suggest", "--lang", "xx"], mentions: "xx"),
        Usage(arguments: ["suggest", "--input", "csv"], mentions: "csv"),
        Usage(arguments: ["suggest", "--format", "xml"], mentions: "xml"),
        Usage(arguments: ["suggest", "--var", "novalue"], mentions: "novalue"),
        Usage(arguments: ["plugins", "examples", "--format", "csv"], mentions: "csv"),
        Usage(arguments: ["no-such-command"], mentions: "no-such-command"),
    ]

    @Test(arguments: usageErrors)
    func usageErrorExitsWithTwo(_ usage: Usage) throws {
        let sandbox = try Sandbox()
        let r = try Kefu.run(usage.arguments + isolated, stdin: "where is my parcel\n", in: sandbox)
        #expect(!r.timedOut)
        #expect(r.status == 2, "stderr: \(r.err)")
        #expect(r.stdout.isEmpty, "no record is answered: \(r.out)")
        #expect(r.err.contains(usage.mentions), "the message names what is wrong: \(r.err)")
    }

    @Test func goodRunExitsWithZero() throws {
        let sandbox = try Sandbox()
        let r = try Kefu.run(["suggest"] + isolated + ["--top", "1", "--lang", "en"], stdin: "where is my parcel\n", in: sandbox)
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(!r.stdout.isEmpty)
    }

    @Test func unknownOnDemandSnippetIsAUsageError() throws {
        let sandbox = try Sandbox()
        let pack = try TestPacks.writeParcel(sandbox)
        let arguments = ["suggest"] + isolated + ["--snippets", pack, "--render-snippet", "t.no-such-snippet"]
        let r = try Kefu.run(arguments, stdin: "hello\n", in: sandbox)
        #expect(r.status == 2, "stderr: \(r.err)")
        #expect(r.err.contains("t.no-such-snippet"))
        #expect(r.stdout.isEmpty)
    }
}
