import Foundation
import KefuTestSupport
import Testing

@testable import KefuCommands

/// `kefu <command> --help` for every command, compared with the texts
/// checked into Tests/HelpSnapshots: a change to an option, its help or the
/// usage line shows up in review as a change to those files.
///
/// After an intended change, regenerate them and read the diff:
///
///     make snapshots
///
/// (that is `KEFU_UPDATE_SNAPSHOTS=1 swift test --skip-build --filter HelpSnapshotTests`).
@Suite struct HelpSnapshotTests {
    static let folder = Checkout.url("Tests/HelpSnapshots")

    static let updating = ProcessInfo.processInfo.environment["KEFU_UPDATE_SNAPSHOTS"] == "1"

    /// `kefu.txt`, `kefu-suggest.txt`, `kefu-plugins-list.txt`...
    static func file(_ path: [String]) -> URL {
        folder.appendingPathComponent((["kefu"] + path).joined(separator: "-") + ".txt")
    }

    /// Help as a pipe gets it, 80 columns wide whatever the terminal.
    static func help(_ path: [String]) throws -> KefuResult {
        let sandbox = try Sandbox()
        return try Kefu.run(path + ["--help"], in: sandbox, environment: ["COLUMNS": "80"])
    }

    @Test(arguments: KefuCommand.commandPaths)
    func helpMatchesItsSnapshot(_ path: [String]) throws {
        let r = try Self.help(path)
        #expect(r.status == 0, "\(r.err)")
        let url = Self.file(path)
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try r.stdout.write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        let command = (["kefu"] + path).joined(separator: " ")
        #expect(r.out == expected, "\(command) --help changed: run `make snapshots` and review the diff of \(url.lastPathComponent)")
    }

    /// Every snapshot belongs to a command: a removed command takes its
    /// file with it.
    @Test(.disabled(if: updating, "regenerating"))
    func noSnapshotWithoutACommand() throws {
        let wanted = Set(KefuCommand.commandPaths.map { Self.file($0).lastPathComponent })
        let present = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".txt") }
        #expect(Set(present) == wanted)
    }

    /// Help shows values as a user types them, never a Swift value
    /// (`InputFormatArgument(value: KefuCommands.InputFormat.lines)`).
    @Test(arguments: KefuCommand.commandPaths)
    func helpNamesNoSwiftType(_ path: [String]) throws {
        let text = try Self.help(path).out
        for found in Self.swiftLeaks(in: text) {
            Issue.record("kefu \(path.joined(separator: " ")) --help prints a Swift value: \(found)")
        }
    }

    /// The man page (`make install`) is generated from the help by
    /// swift-argument-parser's generate-manual, which drops every character
    /// that is not ASCII: "客服 · ranked" became "  ranked" there.
    @Test(arguments: KefuCommand.commandPaths)
    func helpIsASCIISoTheManPageKeepsIt(_ path: [String]) throws {
        let text = try Self.help(path).out
        let other = text.unicodeScalars.filter { !$0.isASCII }
        #expect(other.isEmpty, "kefu \(path.joined(separator: " ")) --help: \(String(String.UnicodeScalarView(other)))")
    }

    /// What a Swift value looks like when printed: a qualified name
    /// (`KefuCommands.InputFormat`), an initialiser (`Format(value:`), an
    /// optional, or a type name of the project's modules.
    static func swiftLeaks(in text: String) -> [String] {
        let patterns = [
            #"\b[A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*"#,
            #"\b[A-Z][A-Za-z0-9]*\([a-z][A-Za-z0-9]*:"#,
            #"\bOptional\("#,
            #"\bKefu[A-Z][A-Za-z]*"#,
            #"\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+\b"#,
        ]
        return patterns.flatMap { pattern -> [String] in
            guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
            let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
            return matches.compactMap { Range($0.range, in: text).map { String(text[$0]) } }
        }
    }

    /// The detector bites: the help text the issue quotes is caught.
    @Test func theLeakDetectorCatchesWhatTheIssueQuotes() {
        #expect(!Self.swiftLeaks(in: "(default: InputFormatArgument(value: KefuCommands.InputFormat.lines))").isEmpty)
        #expect(Self.swiftLeaks(in: "(values: lines, jsonl, blocks; default: lines) $XDG_CONFIG_HOME zh-Hans OSC 52").isEmpty)
    }
}
