import Foundation
import KefuTestSupport
import Testing

/// `kefu plugins validate PATH`: every error as `PATH:LINE:COL: error: ...`
/// pointing at the line that is wrong, exit status 1; a good pack passes.
@Suite struct PluginsValidateTests {
    struct BrokenPack: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        /// The error must point at the first line containing this text.
        var marker: String
        var markerAfterLine: Int = 0
        /// ... and at the column where this text starts on that line.
        var columnAt: String
        var mentions: String
        var testDescription: String { name }
    }

    static let gadget = TestPacks.gadget

    static func replacing(_ old: String, with new: String) -> String {
        precondition(gadget.contains(old))
        return gadget.replacingOccurrences(of: old, with: new)
    }

    static let cases: [BrokenPack] = [
        BrokenPack(
            name: "bad YAML syntax",
            yaml: replacing("description: Gadget question.", with: "description: Gadget: question: bad"),
            marker: "description: Gadget: question", columnAt: ": question", mentions: "YAML"),
        BrokenPack(
            name: "unknown key",
            yaml: replacing("    triggers:\n", with: "    trigers:\n"),
            marker: "trigers:", columnAt: "trigers", mentions: "unknown key 'trigers'"),
        BrokenPack(
            name: "unknown template variable",
            yaml: replacing("en: The gadget is great.", with: "en: The gadget is great, {{colour_name}}."),
            marker: "{{colour_name}}", columnAt: "colour_name", mentions: "unknown variable 'colour_name'"),
        BrokenPack(
            name: "duplicate snippet id",
            yaml: gadget + """
                  - id: t.gadget.info
                    intents: [t.gadget]
                    kind: answer
                    text:
                      en: The gadget is still great.

                """,
            marker: "- id: t.gadget.info", markerAfterLine: 13, columnAt: "id:", mentions: "duplicate snippet id 't.gadget.info'"),
        BrokenPack(
            name: "invalid regular expression",
            yaml: replacing("      en: [gadget]\n", with: "      en: [gadget]\n    patterns:\n      en: ['gadget (is|was']\n"),
            marker: "gadget (is|was", columnAt: "'gadget (is", mentions: "invalid regular expression"),
        BrokenPack(
            name: "snippet without text",
            yaml: gadget + """
                  - id: t.gadget.mute
                    intents: [t.gadget]
                    kind: answer

                """,
            marker: "- id: t.gadget.mute", columnAt: "id:", mentions: "missing 'text'"),
    ]

    struct Diagnostic {
        var file: String, line: Int, column: Int, message: String
    }

    /// Parses `FILE:LINE:COL: error: MESSAGE` lines for `file`.
    static func diagnostics(in output: String, for file: String) -> [Diagnostic] {
        output.split(separator: "\n").compactMap { raw -> Diagnostic? in
            let line = String(raw)
            guard line.hasPrefix(file + ":") else { return nil }
            let rest = line.dropFirst(file.count + 1)
            let parts = rest.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let l = Int(parts[0]), let c = Int(parts[1]), parts[2].hasPrefix(" error: ") else { return nil }
            return Diagnostic(file: file, line: l, column: c, message: String(parts[2].dropFirst(" error: ".count)))
        }
    }

    @Test(arguments: cases)
    func brokenPackIsReportedAtTheRightLine(_ broken: BrokenPack) throws {
        let sandbox = try Sandbox()
        let path = try sandbox.write("broken.yaml", broken.yaml)
        let expectedLine = try #require(TestPacks.line(of: broken.marker, in: broken.yaml, after: broken.markerAfterLine))
        let r = try Kefu.run(["plugins", "validate"] + isolated + [path], in: sandbox)
        #expect(r.status == 1, "output: \(r.out)")
        let found = Self.diagnostics(in: r.out, for: path)
        #expect(!found.isEmpty, "no PATH:LINE:COL: error: line in: \(r.out)")
        let match = found.first { $0.message.contains(broken.mentions) }
        #expect(match != nil, "no error mentioning \(broken.mentions) in: \(r.out)")
        #expect(match?.line == expectedLine, "expected line \(expectedLine): \(r.out)")
        let lineText = broken.yaml.split(separator: "\n", omittingEmptySubsequences: false)[expectedLine - 1]
        let expectedColumn = try #require(
            lineText.range(of: broken.columnAt).map { lineText.unicodeScalars.distance(from: lineText.startIndex, to: $0.lowerBound) + 1 })
        #expect(match?.column == expectedColumn, "expected column \(expectedColumn): \(r.out)")
    }

    @Test func duplicateNamesTheFirstDeclaration() throws {
        let sandbox = try Sandbox()
        let yaml = Self.cases[3].yaml
        let path = try sandbox.write("dup.yaml", yaml)
        let first = try #require(TestPacks.line(of: "- id: t.gadget.info", in: yaml))
        let r = try Kefu.run(["plugins", "validate"] + isolated + [path], in: sandbox)
        #expect(r.out.contains("(first at line \(first))"), "\(r.out)")
    }

    @Test func everyErrorOfAFileIsListed() throws {
        let sandbox = try Sandbox()
        let yaml = Self.gadget
            .replacingOccurrences(of: "    triggers:\n", with: "    trigers:\n")
            .replacingOccurrences(of: "en: The gadget is great.", with: "en: The gadget is great, {{colour_name}}.")
        let path = try sandbox.write("two.yaml", yaml)
        let r = try Kefu.run(["plugins", "validate"] + isolated + [path], in: sandbox)
        #expect(r.status == 1)
        let lines = Self.diagnostics(in: r.out, for: path).map(\.line)
        #expect(lines == [TestPacks.line(of: "trigers:", in: yaml), TestPacks.line(of: "{{colour_name}}", in: yaml)].compactMap { $0 })
    }

    @Test func goodPacksPass() throws {
        let sandbox = try Sandbox()
        let gadget = try sandbox.write("gadget.yaml", Self.gadget)
        let parcel = try TestPacks.writeParcel(sandbox)
        let r = try Kefu.run(["plugins", "validate"] + isolated + [gadget, parcel], in: sandbox)
        #expect(r.status == 0, "output: \(r.out)")
        #expect(!r.out.contains("error:"))
    }

    /// The truth rule (docs/snippet-packs.md): a draft that says a parcel is
    /// on its way, with nothing to say so, fails validation and `kefu test`
    /// at the phrase's line and column.
    @Test func unsourcedClaimsFailValidateAndTest() throws {
        let sandbox = try Sandbox()
        let yaml = TestPacks.parcel.replacingOccurrences(of: "can be tracked on the order page.", with: "is on its way.")
        let path = try sandbox.write("claims.yaml", yaml)
        let line = try #require(TestPacks.line(of: "is on its way.", in: yaml))
        for command in [["plugins", "validate"], ["test"]] {
            let r = try Kefu.run(command + isolated + [path], in: sandbox)
            #expect(r.status == 1, "\(command): \(r.out)")
            let d = Self.diagnostics(in: r.out, for: path)
            #expect(
                d.contains {
                    $0.line == line && $0.column == 42 && $0.message.contains("“on its way”")
                        && $0.message.contains("asserts: [in_transit]")
                }, "\(command): \(r.out)")
        }
        let sourced = yaml.replacingOccurrences(
            of: "    kind: logistics\n    priority: 90\n",
            with:
                "    kind: logistics\n    priority: 90\n    when:\n      equals: {status: in_transit}\n      lacks: [parcel_status]\n    asserts: [in_transit]\n"
        )
        .replacingOccurrences(of: "，物流进度可以在订单页查看。", with: "，正在运输中。")
        #expect(sourced != yaml)
        let ok = try sandbox.write("sourced.yaml", sourced)
        let r = try Kefu.run(["plugins", "validate"] + isolated + [ok], in: sandbox)
        #expect(r.status == 0, "\(r.out)")
    }

    @Test func brokenAndGoodPacksTogetherInValidate() throws {
        let sandbox = try Sandbox()
        let good = try TestPacks.writeParcel(sandbox)
        let bad = try sandbox.write("bad.yaml", Self.cases[1].yaml)
        let r = try Kefu.run(["plugins", "validate"] + isolated + [good, bad], in: sandbox)
        #expect(r.status == 1)
        #expect(!Self.diagnostics(in: r.out, for: bad).isEmpty)
        #expect(Self.diagnostics(in: r.out, for: good).isEmpty)
    }

    @Test func brokenPackNextToAGoodOneDoesNotStopSuggest() throws {
        let sandbox = try Sandbox()
        let broken = Self.cases[1]  // unknown key
        let bad = try sandbox.write("bad.yaml", broken.yaml)
        let good = try TestPacks.writeParcel(sandbox)
        let expectedLine = try #require(TestPacks.line(of: broken.marker, in: broken.yaml))
        let r = try Kefu.run(
            ["suggest"] + isolated + ["--snippets", bad, "--snippets", good, "--format", "jsonl", "--top", "20"],
            stdin: "where is my parcel\ntell me about the gadget\n", in: sandbox)
        #expect(r.status == 0, "a broken pack is no failed record: \(r.err)")
        let records = try JSON.objects(r)
        #expect(records.count == 2)
        guard records.count == 2 else { return }
        // The good pack answers.
        #expect(JSON.intents(records[0]).contains("t.parcel"))
        #expect(JSON.draft(records[0], snippet: "t.parcel.track") != nil)
        // The broken one was skipped whole.
        #expect(!JSON.intents(records[1]).contains("t.gadget"))
        #expect(JSON.drafts(records[1]).allSatisfy { $0["snippet"] as? String != "t.gadget.info" })
        // And it is reported on stderr, with its position.
        let reported = Self.diagnostics(in: r.err, for: bad)
        #expect(reported.contains { $0.line == expectedLine && $0.message.contains("trigers") }, "stderr: \(r.err)")
        #expect(!r.out.contains("bad.yaml"))
    }
}
