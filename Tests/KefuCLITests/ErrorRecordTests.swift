import Foundation
import KefuTestSupport
import Testing

/// A bad input record gets an error record `{"id", "record", "error"}` in its
/// place, the records after it are still answered, and the exit status is 1.
@Suite struct ErrorRecordTests {
    struct BadInput: Sendable, CustomTestStringConvertible {
        var name: String
        var input: Data
        var mode: String
        /// Ids of the three output records; the second one is the error.
        var ids: [String]
        /// What the error message must mention.
        var mentions: String
        var testDescription: String { name }
    }

    static let oneMiBPlus = Data(repeating: UInt8(ascii: "x"), count: 1_258_291)  // 1.2 MiB

    static let cases: [BadInput] = [
        BadInput(
            name: "invalid UTF-8",
            input: Data("where is my parcel\nbad ".utf8) + Data([0xFF, 0xFE, 0xC3]) + Data(" bytes\ndo you have a voucher\n".utf8),
            mode: "lines", ids: ["1", "2", "3"], mentions: "UTF-8"),
        BadInput(
            name: "JSON that does not parse",
            input: Data(
                #"{"id": "a", "text": "where is my parcel"}\#n{"id": "b", "text": \#n{"id": "c", "text": "do you have a voucher"}\#n"#.utf8),
            mode: "jsonl", ids: ["a", "2", "c"], mentions: "JSON"),
        BadInput(
            name: "JSON object without text",
            input: Data(
                #"{"id": "a", "text": "where is my parcel"}\#n{"id": "b", "message": "hi"}\#n{"id": "c", "text": "do you have a voucher"}\#n"#
                    .utf8),
            mode: "jsonl", ids: ["a", "b", "c"], mentions: "text"),
        BadInput(
            name: "JSON value that is not an object",
            input: Data(
                #"{"id": "a", "text": "where is my parcel"}\#n["where is my parcel"]\#n{"id": "c", "text": "do you have a voucher"}\#n"#
                    .utf8),
            mode: "jsonl", ids: ["a", "2", "c"], mentions: "object"),
        BadInput(
            name: "record over 1 MiB",
            input: Data("where is my parcel\n".utf8) + oneMiBPlus + Data("\ndo you have a voucher\n".utf8),
            mode: "lines", ids: ["1", "2", "3"], mentions: "1 MiB"),
    ]

    static func idString(_ record: [String: Any]) -> String {
        if let s = record["id"] as? String { return s }
        return (record["id"] as? NSNumber).map { String($0.intValue) } ?? "?"
    }

    @Test(arguments: cases)
    func badRecordGivesAnErrorRecordAndTheRestGoOn(_ bad: BadInput) throws {
        let sandbox = try Sandbox()
        let pack = try TestPacks.writeParcel(sandbox)
        let r = try Kefu.run(
            ["suggest"] + isolated + ["--snippets", pack, "--input", bad.mode, "--format", "jsonl"], stdin: bad.input, in: sandbox)
        #expect(!r.timedOut)
        #expect(r.status == 1, "exit status must say a record failed")
        let records = try JSON.objects(r)
        #expect(records.count == 3, "one output object per input record")
        guard records.count == 3 else { return }
        #expect(records.map(Self.idString) == bad.ids)

        let error = records[1]
        #expect(JSON.isErrorRecord(error), "error record keys: \(error.keys.sorted())")
        #expect((error["record"] as? NSNumber)?.intValue == 2)
        let message = error["error"] as? String ?? ""
        #expect(message.localizedCaseInsensitiveContains(bad.mentions), "\(message)")
        #expect(r.err.contains(message), "the error is reported on stderr too")

        // Records before and after the bad one are answered normally.
        expectSuggestionShape(records[0])
        expectSuggestionShape(records[2])
        #expect(JSON.intents(records[0]).contains("t.parcel"))
        #expect(JSON.intents(records[2]).contains("t.voucher"))
    }

    @Test func textFormatReportsTheBadRecordAndGoesOn() throws {
        let sandbox = try Sandbox()
        let pack = try TestPacks.writeParcel(sandbox)
        let input = Data("where is my parcel\n".utf8) + Data([0xC0, 0xAF, 0x0A]) + Data("do you have a voucher\n".utf8)
        let r = try Kefu.run(["suggest"] + isolated + ["--snippets", pack], stdin: input, in: sandbox)
        #expect(r.status == 1)
        #expect(r.out.contains("#2 error:"))
        let headers = r.out.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(headers.first { $0.hasPrefix("#1 [en]") }?.contains("t.parcel") == true, "\(headers)")
        #expect(headers.first { $0.hasPrefix("#3 [en]") }?.contains("t.voucher") == true, "\(headers)")
    }

    @Test(arguments: ["lines", "jsonl", "blocks"])
    func emptyInputGivesNoOutputAndSuccess(mode: String) throws {
        let sandbox = try Sandbox()
        for input in ["", "\n\n", "  \n\t\n"] {
            let r = try Kefu.run(["suggest"] + isolated + ["--input", mode, "--format", "jsonl"], stdin: input, in: sandbox)
            #expect(r.status == 0, "input \(input.debugDescription)")
            #expect(r.stdout.isEmpty, "input \(input.debugDescription): \(r.out)")
        }
    }

    @Test func manyBadRecordsAreAllReported() throws {
        let sandbox = try Sandbox()
        let lines = (1...20).map { $0 % 4 == 0 ? "{broken \($0)" : #"{"id": \#($0 + 1000), "text": "hello \#($0)"}"# }
        let r = try Kefu.run(
            ["suggest"] + isolated + ["--input", "jsonl", "--format", "jsonl"], stdin: lines.joined(separator: "\n") + "\n", in: sandbox)
        #expect(r.status == 1)
        let records = try JSON.objects(r)
        #expect(records.count == 20)
        for (i, record) in records.enumerated() {
            let n = i + 1
            if n % 4 == 0 {
                #expect(JSON.isErrorRecord(record), "record \(n)")
                #expect(JSON.numericID(record) == n)
            } else {
                #expect(!JSON.isErrorRecord(record), "record \(n)")
                #expect(JSON.numericID(record) == n + 1000)
            }
        }
    }
}
