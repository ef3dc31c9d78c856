import Foundation
import KefuTestSupport
import Testing

/// Every command example of README.md and docs/*.md runs against the built
/// binary and prints what the document shows (docs/README.md says how
/// examples are written and marked). A failure here means the document is
/// stale: fix the document, with the output of a real run.
@Suite struct DocExamplesTests {
    @Test(arguments: DocExample.all)
    func exampleRunsAsShown(_ example: DocExample) throws {
        if case .skip = example.mode { return }
        let sandbox = try Sandbox()
        for file in example.files {
            let path =
                file.path.hasPrefix("$XDG_CONFIG_HOME/")
                ? sandbox.configHome.appendingPathComponent(String(file.path.dropFirst("$XDG_CONFIG_HOME/".count))).path
                : file.path
            try sandbox.write(path, file.text)
        }
        for (n, step) in example.commands.enumerated() {
            let (status, output) = try Self.shell(step.command, in: sandbox)
            let last = n == example.commands.count - 1
            #expect(status == (last ? example.exitStatus : 0), "\(example.testDescription): `\(step.command)` exited \(status):\n\(output)")
            guard example.mode == .compare else { continue }
            var lines = output.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            #expect(
                DocExample.matches(lines, step.output),
                """
                \(example.testDescription): `\(step.command)` printed something else than the document shows.
                shown:
                \(step.output.joined(separator: "\n"))
                printed:
                \(output)
                """)
        }
    }

    /// Every document parses: an unknown `doc-test:` marker is an error, not
    /// a check quietly turned off.
    @Test(arguments: DocExample.documents)
    func markersAreKnown(_ document: String) throws {
        let text = try String(contentsOf: DocExample.root.appendingPathComponent(document), encoding: .utf8)
        _ = try DocExample.parse(text, document: document)
    }

    @Test func theParserReadsCommandsOutputAndMarkers() throws {
        let doc = """
            <!-- doc-test: file packs/a.yaml -->
            ```yaml
            pack: {}
            ```

            <!-- doc-test: exit 1 -->
            ```
            $ echo hi \\
                | kefu suggest
            #1 ...
            ...
            $ kefu test
            ok
            ```

            ```sh
            make install
            ```
            """
        let examples = try DocExample.parse(doc, document: "t.md")
        try #require(examples.count == 1)
        #expect(examples[0].exitStatus == 1)
        #expect(examples[0].commands.map(\.command) == ["echo hi | kefu suggest", "kefu test"])
        #expect(examples[0].commands[0].output == ["#1 ...", "..."])
        #expect(examples[0].files.map(\.path) == ["packs/a.yaml"])
        #expect(throws: DocExample.MarkerError.self) {
            try DocExample.parse("<!-- doc-test: outptu varies -->\n```\n$ kefu\n```\n", document: "t.md")
        }
    }

    @Test func ellipsesStandForWhatTheDocumentLeavesOut() {
        #expect(DocExample.matches(["a", "b", "c", "d"], ["a", "...", "d"]))
        #expect(DocExample.matches(["a", "d"], ["a", "...", "d"]))
        #expect(!DocExample.matches(["a", "b"], ["a", "c"]))
        #expect(DocExample.matches([#"{"id":1,"x":2,"y":3}"#], [#"{"id":1,...,"y":3}"#]))
        #expect(!DocExample.matches([#"{"id":2,"x":2}"#], [#"{"id":1,..."#]))
        #expect(DocExample.matches(["a  ", ""], ["a"]))
    }

    /// `command` in `/bin/sh` in the sandbox, `kefu` the binary under test,
    /// stdout and stderr in one stream as a terminal shows them.
    static func shell(_ command: String, in sandbox: Sandbox) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var env = sandbox.environment
        env["PATH"] = KefuBinary.url.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["COLUMNS"] = "80"
        process.environment = env
        process.currentDirectoryURL = sandbox.root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
