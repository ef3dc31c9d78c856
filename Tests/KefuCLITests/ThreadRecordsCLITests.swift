import Foundation
import KefuTestSupport
import Testing

/// `kefu suggest --input jsonl` records with a `"thread"` id: one buyer's
/// conversation each, carried values and follow-ups as in the REPL, and
/// records without one exactly as before threads.
@Suite struct ThreadRecordsCLITests {
    let sandbox: Sandbox

    init() throws {
        sandbox = try Sandbox()
    }

    func suggest(_ input: [String], format: String = "jsonl") throws -> KefuResult {
        let r = try Kefu.run(
            ["suggest"] + isolated + ["--input", "jsonl", "--format", format, "--top", "3"], stdin: input.joined(separator: "\n") + "\n",
            in: sandbox)
        #expect(!r.timedOut)
        return r
    }

    func texts(_ record: [String: Any]) -> String {
        JSON.drafts(record).compactMap { $0["text"] as? String }.joined(separator: "\n")
    }

    @Test func recordsOfOneThreadShareValuesAndTwoThreadsKeepThemApart() throws {
        let r = try suggest([
            #"{"id": 1, "thread": "buyer-a", "text": "订单号 1234567890，还没发货"}"#,
            #"{"id": 2, "thread": "buyer-b", "text": "订单号 5556667778，还没发货"}"#,
            #"{"id": 3, "thread": "buyer-a", "text": "催一下"}"#,
            #"{"id": 4, "thread": "buyer-b", "text": "催一下"}"#,
            #"{"id": 5, "text": "催一下"}"#,
            #"{"id": 6, "thread": "buyer-a", "text": "怎么样了"}"#,
        ])
        #expect(r.status == 0, "stderr: \(r.err)")
        let records = try JSON.objects(r)
        try #require(records.count == 6)
        #expect(texts(records[2]).contains("1234567890") && !texts(records[2]).contains("5556667778"), "\(texts(records[2]))")
        #expect(texts(records[3]).contains("5556667778") && !texts(records[3]).contains("1234567890"), "\(texts(records[3]))")
        #expect(!texts(records[4]).contains("1234567890") && !texts(records[4]).contains("5556667778"))
        #expect(records[4]["thread"] == nil, "a record without a thread says nothing about one")

        let a = try #require(records[2]["thread"] as? [String: Any])
        #expect(a["id"] as? String == "buyer-a" && a["message"] as? Int == 2)
        let carried = try #require(a["carried"] as? [[String: Any]])
        #expect(carried.map { $0["kind"] as? String } == ["order_id"] && carried.first?["value"] as? String == "1234567890")
        let first = try #require(records[0]["thread"] as? [String: Any])
        #expect(first["message"] as? Int == 1 && (first["carried"] as? [Any])?.isEmpty == true)

        // A follow-up with no intent of its own: the thread's intent, as a guess.
        let followUp = try #require(records[5]["thread"] as? [String: Any])
        #expect(followUp["follow_up_of"] as? String == "urge_delivery")
        #expect(records[5]["hedged"] as? Bool == true)
        #expect((records[5]["guesses"] as? [[String: Any]])?.first?["intent"] as? String == "urge_delivery")
        #expect(JSON.drafts(records[5]).first?["intent"] as? String == "urge_delivery")
        #expect(texts(records[5]).contains("1234567890"), "the follow-up's drafts carry the order number too")
    }

    /// No thread field: the very bytes kefu wrote before threads, whatever
    /// threads the other records of the stream have.
    @Test func aRecordWithoutAThreadIsAnsweredExactlyAsAlone() throws {
        let plain = #"{"id": 9, "text": "催一下"}"#
        let alone = try suggest([plain])
        let mixed = try suggest([#"{"id": 1, "thread": "t", "text": "订单号 1234567890，还没发货"}"#, plain])
        let lines = mixed.out.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 2)
        #expect(lines.last.map(String.init) == alone.out.trimmingCharacters(in: .newlines))
        #expect(!alone.out.contains("\"thread\""))
    }

    @Test func theTextFormatSaysWhatCameFromEarlier() throws {
        let r = try suggest(
            [#"{"thread": 7, "text": "订单号 1234567890，还没发货"}"#, #"{"thread": 7, "text": "怎么样了"}"#], format: "text")
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.out.contains("#2 [zh-Hans] guess? follow-up of urge_delivery\n  from earlier: order_id=1234567890\n"), "\(r.out)")
    }

    @Test(arguments: [#"{"thread": {}, "text": "hi"}"#, #"{"thread": "", "text": "hi"}"#, #"{"thread": true, "text": "hi"}"#])
    func aBadThreadIsAnErrorRecord(line: String) throws {
        let r = try suggest([line, #"{"text": "where is my parcel"}"#])
        #expect(r.status == 1)
        let records = try JSON.objects(r)
        #expect(records.count == 2)
        #expect((records[0]["error"] as? String)?.contains("\"thread\" must be a non-empty string or a number") == true)
        #expect(records[1]["error"] == nil)
    }
}
