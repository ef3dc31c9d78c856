import Foundation
import KefuTestSupport
import Testing

/// `kefu plugins examples --format tsv`: every example and counter-example
/// of the loaded packs, one per row.
@Suite struct PluginsExamplesTests {
    @Test func tsvListsTheTestPacksExamplesAndCounterExamples() throws {
        let sandbox = try Sandbox()
        let pack = try TestPacks.writeParcel(sandbox)
        let r = try Kefu.run(["plugins", "examples", "--format", "tsv"] + isolated + ["--snippets", pack], in: sandbox)
        #expect(r.status == 0, "stderr: \(r.err)")
        let lines = r.lines
        #expect(lines.first == "text\tintent\tkind\tpack")
        let rows = lines.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.allSatisfy { $0.count == 4 }, "every row has four fields")

        let ours = rows.filter { $0.count == 4 && $0[3] == "t.clitest" }
        #expect(ours.count == TestPacks.parcelExampleCount)
        #expect(ours.contains(["where is my parcel", "t.parcel", "example", "t.clitest"]))
        #expect(ours.contains(["我的包裹到哪了", "t.parcel", "example", "t.clitest"]))
        #expect(ours.contains(["lovely weather today", "t.parcel", "counter_example", "t.clitest"]))
        #expect(ours.contains(["能给张代金券吗", "t.voucher", "example", "t.clitest"]))
        #expect(ours.filter { $0[2] == "counter_example" }.count == 1)
        #expect(ours.filter { $0[1] == "t.voucher" }.count == 6)
    }

    @Test func tabsNewlinesAndEscapesInExamplesCannotBreakTheTable() throws {
        let sandbox = try Sandbox()
        let yaml = TestPacks.gadget.replacingOccurrences(
            of: "en: [is the gadget good, tell me about the gadget, gadget colours]",
            with: #"en: ["is the\tgadget good", "tell me about\nthe gadget", "gadget \u001b[31mcolours"]"#)
        let pack = try sandbox.write("gadget.yaml", yaml)
        let r = try Kefu.run(["plugins", "examples", "--format", "tsv"] + isolated + ["--snippets", pack], in: sandbox)
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(!r.stdout.contains(0x1B))
        let ours = r.lines.filter { $0.hasSuffix("\tt.gadget-pack") }
        #expect(ours.count == 3)
        #expect(ours.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 4 })
    }

    @Test func builtinPacksAloneGiveAWellFormedTable() throws {
        let sandbox = try Sandbox()
        let r = try Kefu.run(["plugins", "examples", "--format", "tsv"] + isolated, in: sandbox)
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.lines.first == "text\tintent\tkind\tpack")
        for line in r.lines.dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(fields.count == 4, "\(line)")
            #expect(["example", "counter_example"].contains(fields.count == 4 ? String(fields[2]) : ""), "\(line)")
        }
    }
}
