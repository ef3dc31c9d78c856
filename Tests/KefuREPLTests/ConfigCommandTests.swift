import Foundation
import KefuTestSupport
import Testing

/// `kefu config init | show` on the real binary, with XDG_CONFIG_HOME in a
/// sandbox so the user's own configuration never leaks in.
@Suite(.timeLimit(.minutes(2)))
struct ConfigCommandTests {
    /// Runs `kefu arguments...` (stdout and stderr together) in the sandbox.
    static func kefu(_ arguments: [String], in sandbox: Sandbox) throws -> (status: Int32, output: String) {
        let output = sandbox.root.appendingPathComponent("out-\(UUID().uuidString).txt").path
        let command =
            ["-u", "LANG", "-u", "LC_ALL", "-u", "VISUAL", "-u", "EDITOR", "-u", "NO_COLOR"] + sandbox.homeAssignments
            + [KefuBinary.path] + arguments
        let status = try TmuxTerminal.spawnAndWait("/usr/bin/env", command, output: output)
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        return (status, text)
    }

    @Test func initWritesACommentedDefaultThatShowReadsBack() throws {
        let sandbox = try Sandbox()
        let path = sandbox.configPath("config.yaml")
        var r = try Self.kefu(["config", "init"], in: sandbox)
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("wrote \(path)"))
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains("# shop: 小鹿家居"), "commented examples")
        #expect(written.contains("drafts: 5"))

        // Never overwritten without --force.
        r = try Self.kefu(["config", "init"], in: sandbox)
        #expect(r.status == 1)
        #expect(r.output.contains("already exists"))

        // The default file is valid: show reports no problem, values from the file.
        r = try Self.kefu(["config", "show"], in: sandbox)
        #expect(r.status == 0, "\(r.output)")
        let drafts = try #require(r.output.split(separator: "\n").first { $0.hasPrefix("drafts ") })
        #expect(drafts.contains("5") && drafts.contains("config.yaml:"), "\(drafts)")
    }

    @Test func showNamesTheOriginOfEachValueAndTheBrokenKeys() throws {
        let sandbox = try Sandbox()
        try sandbox.writeConfig(
            """
            shop: 小鹿家居
            drafts: 99
            clipbaord: none
            history_size: 50

            """)
        let r = try Self.kefu(["config", "show"], in: sandbox)
        #expect(r.status == 1, "problems make the status 1")
        let lines = r.output.split(separator: "\n").map(String.init)
        let shop = try #require(lines.first { $0.hasPrefix("shop ") })
        #expect(shop.contains("小鹿家居") && shop.contains("config.yaml:1:7"), "\(shop)")
        let drafts = try #require(lines.first { $0.hasPrefix("drafts ") })
        #expect(drafts.contains("5") && drafts.hasSuffix("default"), "the broken key takes its default: \(drafts)")
        let history = try #require(lines.first { $0.hasPrefix("history_size ") })
        #expect(history.contains("50") && history.contains("config.yaml:4:15"), "\(history)")
        #expect(r.output.contains("config.yaml:2:9: error: 'drafts' must be a number from 1 to 20"), "\(r.output)")
        #expect(r.output.contains("config.yaml:3:1: error: unknown key 'clipbaord'; ignored (did you mean 'clipboard'?)"), "\(r.output)")
    }

    /// `threshold:` moves every front end's line between an answer and a
    /// marked guess; a value outside 0.2-1 is reported and the default kept.
    @Test func thresholdTurnsAnswersIntoGuessesEverywhere() throws {
        let sandbox = try Sandbox()
        let config = try sandbox.writeConfig("threshold: 0.9999\n")
        var r = try Self.kefu(["config", "show"], in: sandbox)
        let line = try #require(r.output.split(separator: "\n").first { $0.hasPrefix("threshold ") })
        #expect(line.contains("0.9999") && line.contains("config.yaml:1:12"), "\(line)")
        let input = try sandbox.write("in.txt", "how to use it\n")
        let output = sandbox.root.appendingPathComponent("suggest.jsonl").path
        let command =
            "XDG_CONFIG_HOME='\(sandbox.configHome.path)' '\(KefuBinary.path)' suggest --no-user-packs --format jsonl < '\(input)'"
        #expect(try TmuxTerminal.spawnAndWait("/bin/sh", ["-c", command], output: output) == 0)
        r.output = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        #expect(r.output.contains("\"intents\":[]") && r.output.contains("\"hedged\":true"), "\(r.output)")

        try sandbox.rewrite(config, "threshold: 5\n")
        r = try Self.kefu(["config", "show"], in: sandbox)
        #expect(r.output.contains("config.yaml:1:12: error: 'threshold' must be a number from 0.2 to 1"), "\(r.output)")
        let kept = try #require(r.output.split(separator: "\n").first { $0.hasPrefix("threshold ") })
        #expect(kept.contains("0.5") && kept.hasSuffix("default"), "\(kept)")
    }

    @Test func aFileThatIsNotYAMLIsReportedWithItsPosition() throws {
        let sandbox = try Sandbox()
        try sandbox.writeConfig("shop: [小鹿家居\nagent: 小美\n")
        let r = try Self.kefu(["config", "show"], in: sandbox)
        #expect(r.status == 1)
        let error = try #require(r.output.split(separator: "\n").first { $0.contains("config.yaml:") && $0.contains("error") })
        let position = error.split(separator: ":").dropFirst().prefix(2).compactMap { Int($0) }
        #expect(position.count == 2, "file:line:col in \(error)")
        #expect(r.output.contains("using the defaults"))
    }
}
