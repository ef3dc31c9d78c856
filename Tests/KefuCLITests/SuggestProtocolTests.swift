import Foundation
import KefuTestSupport
import Testing

/// `kefu suggest --format jsonl`: one JSON object per input record, in order,
/// with ids that point back at the input.
@Suite struct SuggestProtocolTests {
    let sandbox: Sandbox
    let pack: String

    init() throws {
        sandbox = try Sandbox()
        pack = try TestPacks.writeParcel(sandbox)
    }

    func suggest(_ extra: [String], _ input: String) throws -> KefuResult {
        let r = try Kefu.run(["suggest"] + isolated + ["--snippets", pack, "--format", "jsonl"] + extra, stdin: input, in: sandbox)
        #expect(!r.timedOut)
        return r
    }

    @Test func linesModeGivesOneObjectPerLineWithLineNumbersAsIDs() throws {
        let r = try suggest(["--top", "20"], "where is my parcel\n\n   \ndo you have a voucher\nhello there\n")
        #expect(r.status == 0, "stderr: \(r.err)")
        let records = try JSON.objects(r)
        // Blank lines are no records, but ids stay the input's line numbers.
        #expect(records.count == 3)
        #expect(records.map(JSON.numericID) == [1, 4, 5])
        for record in records { expectSuggestionShape(record) }
        #expect(JSON.intents(records[0]).contains("t.parcel"))
        #expect(JSON.intents(records[1]).contains("t.voucher"))
        #expect(!JSON.intents(records[0]).contains("t.voucher"))
        #expect(JSON.draft(records[0], snippet: "t.parcel.track")?["intent"] as? String == "t.parcel")
        #expect(JSON.draft(records[1], snippet: "t.voucher.give") != nil)
    }

    @Test func outputOrderFollowsInputOrder() throws {
        let texts = (1...40).map { $0 % 2 == 0 ? "where is my parcel \($0)" : "do you have a voucher \($0)" }
        let r = try suggest([], texts.joined(separator: "\n") + "\n")
        #expect(r.status == 0)
        let records = try JSON.objects(r)
        #expect(records.map(JSON.numericID) == (1...40).map { Optional($0) })
        for (i, record) in records.enumerated() {
            let expected = (i + 1) % 2 == 0 ? "t.parcel" : "t.voucher"
            #expect(JSON.intents(record).contains(expected), "record \(i + 1)")
        }
    }

    @Test func jsonlModeKeepsGivenStringAndNumericIDs() throws {
        let input = """
            {"id": "m-7", "text": "where is my parcel"}
            {"id": 42, "text": "do you have a voucher"}
            {"text": "hello there"}
            {"id": "", "text": "any news on the parcel"}

            """
        let r = try suggest(["--input", "jsonl"], input)
        #expect(r.status == 0, "stderr: \(r.err)")
        let records = try JSON.objects(r)
        #expect(records.count == 4)
        guard records.count == 4 else { return }
        #expect(records[0]["id"] as? String == "m-7")
        #expect(JSON.numericID(records[1]) == 42)
        // Without an id, the record's line number stands in.
        #expect(JSON.numericID(records[2]) == 3)
        #expect(records[3]["id"] as? String == "")
        for record in records { expectSuggestionShape(record) }
        #expect(JSON.intents(records[0]).contains("t.parcel"))
        #expect(JSON.intents(records[1]).contains("t.voucher"))
    }

    @Test func blocksModeNumbersBlocks() throws {
        let input = "where is my\nparcel\n\ndo you have\na voucher\n\n\n\nhello\n"
        let r = try suggest(["--input", "blocks"], input)
        #expect(r.status == 0, "stderr: \(r.err)")
        let records = try JSON.objects(r)
        #expect(records.map(JSON.numericID) == [1, 2, 3])
        guard records.count == 3 else { return }
        for record in records { expectSuggestionShape(record) }
        // A block is one message: its lines are read together.
        #expect(JSON.intents(records[0]).contains("t.parcel"))
        #expect(JSON.intents(records[1]).contains("t.voucher"))
    }

    @Test(arguments: [1, 2])
    func topLimitsTheNumberOfDrafts(top: Int) throws {
        // t.parcel has three snippets: without a limit there are at least three drafts.
        let all = try JSON.objects(try suggest([], "where is my parcel\n"))
        #expect(JSON.drafts(try #require(all.first)).count >= 3)

        let r = try suggest(["--top", String(top)], "where is my parcel\n")
        #expect(r.status == 0)
        let record = try #require(try JSON.objects(r).first)
        let drafts = JSON.drafts(record)
        #expect(drafts.count == top)
        #expect(drafts.compactMap { ($0["rank"] as? NSNumber)?.intValue } == Array(1...top))
    }

    @Test func varFillsTemplateVariables() throws {
        let before = try #require(try JSON.objects(try suggest(["--top", "20"], "where is my parcel\n")).first)
        let unfilled = try #require(JSON.draft(before, snippet: "t.parcel.shop"))
        #expect(unfilled["complete"] as? Bool == false)
        #expect((unfilled["text"] as? String)?.contains("⟨shop⟩") == true)

        let r = try suggest(["--top", "20", "--var", "shop=Acme Tea", "--var", "t_code=QX-77"], "where is my parcel\n")
        #expect(r.status == 0)
        let record = try #require(try JSON.objects(r).first)
        let shop = try #require(JSON.draft(record, snippet: "t.parcel.shop"))
        #expect(shop["text"] as? String == "This is Acme Tea, we will look into your parcel.")
        #expect(shop["complete"] as? Bool == true)
        let code = try #require(JSON.draft(record, snippet: "t.parcel.code"))
        #expect(code["text"] as? String == "Your code is QX-77.")
    }

    @Test func valuesFoundInTheMessageFillTemplates() throws {
        let r = try suggest(["--top", "20"], "where is my parcel SF1234567890123\n")
        let record = try #require(try JSON.objects(r).first)
        let track = try #require(JSON.draft(record, snippet: "t.parcel.track"))
        #expect(track["text"] as? String == "Your parcel SF1234567890123 can be tracked on the order page. Have a nice day")
        #expect(track["complete"] as? Bool == true)
    }

    @Test func jsonlVarsFillTemplateVariablesPerRecord() throws {
        let input = """
            {"id": "a", "text": "where is my parcel", "vars": {"t_code": "ZZ-1", "shop": "Record Shop"}}
            {"id": "b", "text": "where is my parcel"}

            """
        let r = try suggest(["--input", "jsonl", "--top", "20", "--var", "shop=Flag Shop"], input)
        #expect(r.status == 0, "stderr: \(r.err)")
        let records = try JSON.objects(r)
        #expect(records.count == 2)
        guard records.count == 2 else { return }
        // The record's own vars win over --var, and only for that record.
        #expect(JSON.draft(records[0], snippet: "t.parcel.code")?["text"] as? String == "Your code is ZZ-1.")
        #expect(
            JSON.draft(records[0], snippet: "t.parcel.shop")?["text"] as? String == "This is Record Shop, we will look into your parcel.")
        #expect(JSON.draft(records[1], snippet: "t.parcel.code")?["text"] as? String == "Your code is ⟨t_code⟩.")
        #expect(JSON.draft(records[1], snippet: "t.parcel.shop")?["text"] as? String == "This is Flag Shop, we will look into your parcel.")
    }

    @Test func langZhHantGivesTraditionalText() throws {
        let r = try suggest(["--lang", "zh-Hant", "--top", "20"], "我的包裹到哪了\nwhere is my parcel\n")
        #expect(r.status == 0)
        let records = try JSON.objects(r)
        #expect(records.count == 2)
        for record in records {
            #expect(record["language"] as? String == "zh-Hant")
            let track = try #require(JSON.draft(record, snippet: "t.parcel.track"))
            let text = try #require(track["text"] as? String)
            // 亲 单号 → 親 單號: converted from the Simplified template.
            #expect(text.hasPrefix("親，您的包裹單號是"), "\(text)")
            #expect(!text.contains("单号") && !text.contains("亲"))
        }
        // Without --lang the same Chinese message gets Simplified drafts.
        let plain = try #require(try JSON.objects(try suggest(["--top", "20"], "我的包裹到哪了\n")).first)
        #expect(plain["language"] as? String == "zh-Hans")
        #expect((JSON.draft(plain, snippet: "t.parcel.track")?["text"] as? String)?.hasPrefix("亲，您的包裹单号是") == true)
    }

    @Test func builtinPacksAloneGiveWellFormedRecords() throws {
        // Only the built-in packs: their wording is not asserted, their shape is.
        let input = "where is my parcel\n我要退款\n請問什麼時候發貨？\n"
        let r = try Kefu.run(["suggest"] + isolated + ["--format", "jsonl"], stdin: input, in: sandbox)
        #expect(r.status == 0, "stderr: \(r.err)")
        let records = try JSON.objects(r)
        #expect(records.map(JSON.numericID) == [1, 2, 3])
        for record in records { expectSuggestionShape(record) }
    }
}
