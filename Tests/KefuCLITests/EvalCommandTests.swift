import Foundation
import KefuTestSupport
import Testing

/// `kefu eval FILE.tsv`: detection measured on labelled messages.
@Suite struct EvalCommandTests {
    /// Messages the test pack should get right (none is one of its examples).
    static let labelled = """
        text\tintents\tnote
        hello where's my parcel gone\tt.parcel\tplain
        is there a coupon code for me\tt.voucher\tplain
        我想查包裹\tt.parcel\tzh
        还有代金券吗\tt.voucher\tzh
        parcel and voucher both please\tt.parcel+t.voucher\tmulti
        see you soon\tother\tnone

        """

    func run(_ tsv: String, _ extra: [String] = []) throws -> KefuResult {
        let sandbox = try Sandbox()
        let pack = try TestPacks.writeParcel(sandbox)
        let file = try sandbox.write("labelled.tsv", tsv)
        let r = try Kefu.run(["eval", file] + isolated + ["--snippets", pack] + extra, in: sandbox)
        #expect(!r.timedOut)
        return r
    }

    @Test func textReportHasTheHeadlineNumbers() throws {
        let r = try run(Self.labelled)
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.out.contains("6 rows, 5 labelled, 1 other"), "\(r.out)")
        let macro = r.lines.first { $0.hasPrefix("macro-F1") }
        #expect(macro?.hasSuffix("1.000") == true, "\(r.out)")
        let top3 = r.lines.first { $0.hasPrefix("top-3") }
        #expect(top3?.contains("1.000") == true, "\(r.out)")
        #expect(r.lines.contains { $0.hasPrefix("other flagged") }, "\(r.out)")
        #expect(r.lines.contains { $0.hasPrefix("t.parcel ") }, "per-intent row")
        #expect(r.lines.contains { $0.hasPrefix("t.voucher ") }, "per-intent row")
    }

    @Test func jsonReportParses() throws {
        let r = try run(Self.labelled, ["--format", "json"])
        #expect(r.status == 0, "stderr: \(r.err)")
        let report = try JSON.object(r.out.trimmingCharacters(in: .whitespacesAndNewlines))
        for key in ["macro_f1", "top3", "other_flagged"] {
            #expect(report[key] is NSNumber, "\(key) in \(report.keys.sorted())")
        }
        #expect((report["macro_f1"] as? NSNumber)?.doubleValue == 1)
        #expect((report["top3"] as? NSNumber)?.doubleValue == 1)
        let flagged = (report["other_flagged"] as? NSNumber)?.doubleValue ?? -1
        #expect((0...1).contains(flagged))
        #expect((report["rows"] as? NSNumber)?.intValue == 6)
        let intents = (report["intents"] as? [[String: Any]] ?? []).compactMap { $0["intent"] as? String }
        #expect(intents == ["t.parcel", "t.voucher"])
    }

    @Test func wrongLabelsLowerMacroF1() throws {
        // Every parcel message labelled as a voucher request and vice versa.
        let swapped = Self.labelled
            .replacingOccurrences(of: "\tt.parcel\t", with: "\tTMP\t")
            .replacingOccurrences(of: "\tt.voucher\t", with: "\tt.parcel\t")
            .replacingOccurrences(of: "\tTMP\t", with: "\tt.voucher\t")
        let r = try run(swapped, ["--format", "json"])
        #expect(r.status == 0)
        let report = try JSON.object(r.out.trimmingCharacters(in: .whitespacesAndNewlines))
        let macro = try #require((report["macro_f1"] as? NSNumber)?.doubleValue)
        #expect(macro < 0.9, "macro-F1 \(macro) on swapped labels")
    }

    @Test func fileWithoutTheRequiredColumnsIsAUsageError() throws {
        let r = try run("message\tlabel\nwhere is my parcel\tt.parcel\n")
        #expect(r.status == 2, "stderr: \(r.err)")
        #expect(r.err.contains("intents"))
    }
}
