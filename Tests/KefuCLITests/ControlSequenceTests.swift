import Foundation
import KefuTestSupport
import Testing

/// Buyer text is untrusted: escape sequences in it must never reach the
/// agent's terminal, and input that never ends a line must not hang kefu.
@Suite struct ControlSequenceTests {
    /// A CSI colour, an OSC 52 clipboard write (BEL-terminated) and a C1 CSI.
    static let hostile = "where is my \u{1B}[31mparcel\u{1B}[0m \u{1B}]52;c;ZXZpbA==\u{07} now \u{9B}2J done"

    /// Raw terminal control in `data`: ESC, BEL, or a C1 control (U+0080–U+009F).
    static func rawControls(in data: Data) -> [String] {
        var found: [String] = []
        if data.contains(0x1B) { found.append("ESC") }
        if data.contains(0x07) { found.append("BEL") }
        let text = String(decoding: data, as: UTF8.self)
        if text.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) { found.append("C1") }
        // A lone C1 byte (not UTF-8) would make the output invalid UTF-8.
        if String(validating: data, as: UTF8.self) == nil { found.append("invalid UTF-8") }
        return found
    }

    @Test(arguments: ["jsonl", "text"])
    func escapeSequencesNeverReachTheOutput(format: String) throws {
        let sandbox = try Sandbox()
        let pack = try TestPacks.writeParcel(sandbox)
        let input = Self.hostile + "\n" + "\u{1B}c\u{1B}[2J\u{90}1;2|x\u{9C}do you have a voucher\u{1B}\\\n"
        let r = try Kefu.run(["suggest"] + isolated + ["--snippets", pack, "--format", format, "--explain"], stdin: input, in: sandbox)
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(Self.rawControls(in: r.stdout) == [], "raw control in stdout")
        #expect(Self.rawControls(in: r.stderr) == [], "raw control in stderr")
        // The OSC payload went with its sequence: it is not text to extract or echo.
        #expect(!r.out.contains("ZXZpbA"))
        if format == "jsonl" {
            let records = try JSON.objects(r)
            #expect(records.count == 2)
            guard records.count == 2 else { return }
            // What is left is still understood.
            #expect(JSON.intents(records[0]).contains("t.parcel"))
            #expect(JSON.intents(records[1]).contains("t.voucher"))
        } else {
            #expect(r.out.contains("t.parcel"))
            #expect(r.out.contains("t.voucher"))
        }
    }

    @Test func jsonlTextWithEscapesIsCleanedToo() throws {
        let sandbox = try Sandbox()
        let pack = try TestPacks.writeParcel(sandbox)
        let input = #"{"id": "e", "text": "where is my parcel \u001b]52;c;ZXZpbA==\u0007 \u009b31m \u001b[1mnow"}"# + "\n"
        for format in ["jsonl", "text"] {
            let r = try Kefu.run(
                ["suggest"] + isolated + ["--snippets", pack, "--input", "jsonl", "--format", format], stdin: input, in: sandbox)
            #expect(r.status == 0, "stderr: \(r.err)")
            #expect(Self.rawControls(in: r.stdout) == [], "format \(format)")
            #expect(!r.out.contains("ZXZpbA"), "format \(format)")
            #expect(r.out.contains("t.parcel"), "format \(format)")
        }
    }

    /// Values given with a record (`vars`) come from the same untrusted input
    /// stream as its text; in the readable format they reach the terminal.
    @Test func escapesInRecordVarsDoNotReachTheReadableOutput() throws {
        let sandbox = try Sandbox()
        let pack = try TestPacks.writeParcel(sandbox)
        let input =
            #"{"id": "v", "text": "where is my parcel", "vars": {"shop": "\u001b]52;c;ZXZpbA==\u0007Evil\u001b[2J\u009b1m"}}"# + "\n"
        let r = try Kefu.run(
            ["suggest"] + isolated + ["--snippets", pack, "--input", "jsonl", "--format", "text", "--top", "20"], stdin: input, in: sandbox)
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.out.contains("Evil"))
        #expect(Self.rawControls(in: r.stdout) == [], "raw control in the text output: \(r.out.debugDescription)")
    }

    @Test func endlessLineWithoutNewlineGivesOneErrorRecord() throws {
        let sandbox = try Sandbox()
        let r = try Kefu.run(
            ["suggest"] + isolated + ["--format", "jsonl"], stdin: Data(repeating: UInt8(ascii: "a"), count: 3 << 20), in: sandbox)
        #expect(!r.timedOut, "kefu hung on a 3 MiB line without a newline")
        #expect(r.status == 1)
        let records = try JSON.objects(r)
        #expect(records.count == 1)
        let error = try #require(records.first)
        #expect(JSON.isErrorRecord(error))
        #expect((error["record"] as? NSNumber)?.intValue == 1)
        #expect(r.stdout.count < 4096, "the oversized text is not echoed back")
    }

    @Test func endlessLineThenGoodLineIsAnsweredAfterTheError() throws {
        let sandbox = try Sandbox()
        let pack = try TestPacks.writeParcel(sandbox)
        var input = Data(repeating: UInt8(ascii: "b"), count: 3 << 20)
        input += Data("\nwhere is my parcel".utf8)  // no final newline either
        let r = try Kefu.run(["suggest"] + isolated + ["--snippets", pack, "--format", "jsonl"], stdin: input, in: sandbox)
        #expect(!r.timedOut)
        #expect(r.status == 1)
        let records = try JSON.objects(r)
        #expect(records.count == 2)
        guard records.count == 2 else { return }
        #expect(JSON.isErrorRecord(records[0]))
        #expect(JSON.numericID(records[1]) == 2)
        #expect(JSON.intents(records[1]).contains("t.parcel"))
    }
}
