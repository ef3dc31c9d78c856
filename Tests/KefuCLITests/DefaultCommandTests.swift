import Foundation
import KefuTestSupport
import Testing

/// `echo text | kefu`: with no subcommand and stdin not a terminal, kefu is
/// `kefu suggest`.
@Suite struct DefaultCommandTests {
    static let input = "where is my parcel\n我的包裹到哪了\ndo you have a voucher\n"

    @Test(arguments: [[String](), ["--format", "jsonl"], ["--format", "jsonl", "--top", "1", "--var", "shop=Acme"]])
    func noSubcommandBehavesLikeSuggest(options: [String]) throws {
        let sandbox = try Sandbox()
        let pack = try TestPacks.writeParcel(sandbox)
        let common = isolated + ["--snippets", pack] + options
        let bare = try Kefu.run(common, stdin: Self.input, in: sandbox)
        let suggest = try Kefu.run(["suggest"] + common, stdin: Self.input, in: sandbox)
        #expect(bare.status == 0, "stderr: \(bare.err)")
        #expect(suggest.status == 0, "stderr: \(suggest.err)")
        #expect(!bare.stdout.isEmpty)
        #expect(bare.out == suggest.out)
        #expect(bare.out.contains("t.parcel"))
        #expect(bare.out.contains("t.voucher"))
    }

    @Test func noSubcommandAndNoOptions() throws {
        let sandbox = try Sandbox()
        // Only the isolation flag: whatever the built-in packs say, it is what suggest says.
        let bare = try Kefu.run(isolated, stdin: "where is my parcel\n", in: sandbox)
        let suggest = try Kefu.run(["suggest"] + isolated, stdin: "where is my parcel\n", in: sandbox)
        #expect(bare.status == 0, "stderr: \(bare.err)")
        #expect(bare.out == suggest.out)
        #expect(bare.out.hasPrefix("#1 ["), "\(bare.out)")
    }

    @Test func noSubcommandReportsBadRecordsLikeSuggest() throws {
        let sandbox = try Sandbox()
        let input = Data("hello\n".utf8) + Data([0xFF, 0x0A])
        let r = try Kefu.run(isolated + ["--format", "jsonl"], stdin: input, in: sandbox)
        #expect(r.status == 1)
        let records = try JSON.objects(r)
        #expect(records.count == 2)
        #expect(records.last.map(JSON.isErrorRecord) == true)
    }
}
