import Foundation
import KefuTestSupport
import Testing

/// JSON Lines input: `id` is a string or a number and comes back as given;
/// `vars` values are strings or numbers. JSON's numbers 0 and 1 are numbers,
/// not booleans, and JSON's booleans are not numbers.
@Suite struct JSONLinesIDTests {
    func run(_ input: String) throws -> KefuResult {
        let sandbox = try Sandbox()
        let pack = try TestPacks.writeParcel(sandbox)
        return try Kefu.run(
            ["suggest"] + isolated + ["--snippets", pack, "--input", "jsonl", "--format", "jsonl", "--top", "20"], stdin: input, in: sandbox
        )
    }

    @Test(arguments: [0, 1, 2, 7, -3, 123456])
    func numericIDComesBackAsGiven(id: Int) throws {
        let r = try run(#"{"id": \#(id), "text": "where is my parcel"}"# + "\n")
        let record = try #require(try JSON.objects(r).first)
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(!JSON.isErrorRecord(record), "id \(id) was refused: \(record["error"] ?? "")")
        #expect(JSON.numericID(record) == id)
    }

    @Test func fractionalIDComesBackAsANumber() throws {
        let r = try run(#"{"id": 2.5, "text": "where is my parcel"}"# + "\n")
        #expect(r.status == 0)
        let record = try #require(try JSON.objects(r).first)
        #expect((record["id"] as? NSNumber)?.doubleValue == 2.5)
    }

    @Test(arguments: ["true", "false", "null", "[1]", "{}"])
    func nonStringNonNumberIDIsRefusedOrIgnored(id: String) throws {
        let r = try run(#"{"id": \#(id), "text": "where is my parcel"}"# + "\n")
        let record = try #require(try JSON.objects(r).first)
        if id == "null" {
            // No id: the line number stands in.
            #expect(r.status == 0)
            #expect(JSON.numericID(record) == 1)
        } else {
            #expect(r.status == 1)
            #expect(JSON.isErrorRecord(record))
            #expect(JSON.numericID(record) == 1)
        }
    }

    @Test func numericVarsAreTextAndBooleanVarsAreRefused() throws {
        let input = """
            {"id": "n", "text": "where is my parcel", "vars": {"t_code": 1}}
            {"id": "b", "text": "where is my parcel", "vars": {"t_code": true}}

            """
        let r = try run(input)
        let records = try JSON.objects(r)
        #expect(records.count == 2)
        guard records.count == 2 else { return }
        #expect(JSON.draft(records[0], snippet: "t.parcel.code")?["text"] as? String == "Your code is 1.")
        // Not rendered as "1": true is no string and no number.
        #expect(
            JSON.isErrorRecord(records[1]),
            "vars.t_code = true was accepted: \(JSON.draft(records[1], snippet: "t.parcel.code")?["text"] ?? "")")
        #expect(records[1]["id"] as? String == "b")
        #expect(r.status == 1)
    }
}
