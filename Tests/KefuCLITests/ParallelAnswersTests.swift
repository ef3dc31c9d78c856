import Foundation
import KefuTestSupport
import Testing

@testable import KefuCommands

/// `kefu suggest` answers what standard input already holds on every core
/// (`ParallelAnswers`) and must still write every answer in input order,
/// each error record in its place.
@Suite struct ParallelAnswersTests {
    @Test func answersComeBackInInputOrder() {
        let answers = ParallelAnswers.answers(count: 2_000, parallel: true) { i in "answer \(i)" }
        #expect(answers == (0..<2_000).map { "answer \($0)" })
    }

    /// More records than one batch, a bad record in the middle of each:
    /// every id in order, the JSON the same as one record at a time gives.
    @Test func manyRecordsKeepTheirOrderAcrossBatches() throws {
        let sandbox = try Sandbox()
        let pack = try TestPacks.writeParcel(sandbox)
        let texts = ["where is my parcel", "do you have a voucher", "hello"]
        var input = ""
        for i in 0..<(ParallelAnswers.batchLimit * 2 + 7) {
            input += i % 100 == 50 ? "{\"id\": \(i), \"text\": 5}\n" : "{\"id\": \(i), \"text\": \"\(texts[i % 3]) \(i)\"}\n"
        }
        let arguments = ["suggest"] + isolated + ["--snippets", pack, "--input", "jsonl", "--format", "jsonl"]
        let all = try Kefu.run(arguments, stdin: input, in: sandbox)
        let lines = String(decoding: all.stdout, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == ParallelAnswers.batchLimit * 2 + 7)
        let ids = try lines.map { try JSON.numericID(JSON.object(String($0))) }
        #expect(ids == (0..<lines.count).map { $0 })
        // One record alone is answered on one core: the same bytes.
        let one = try Kefu.run(arguments, stdin: "{\"id\": 301, \"text\": \"\(texts[301 % 3]) 301\"}\n", in: sandbox)
        #expect(String(decoding: one.stdout, as: UTF8.self) == String(lines[301]) + "\n")
    }
}
