import Foundation
import KefuTestSupport
import Testing

/// Issue 11, "values altered or lost", through the real binary.
@Suite struct ValuesIntactTests {
    /// Runs `kefu ARGS` under /bin/sh with `redirect` applied to its stdout.
    func shell(_ script: String, _ sandbox: Sandbox) throws -> KefuResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh", KefuBinary.url.path]
        process.environment = sandbox.environment
        process.currentDirectoryURL = sandbox.root
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return KefuResult(status: process.terminationStatus, stdout: Data(), stderr: stderr, timedOut: false)
    }

    @Test(arguments: ["text", "jsonl"])
    func aFullDiskIsReportedAndFails(format: String) throws {
        let sandbox = try Sandbox()
        let r = try shell(#"seq 1000 | "$1" suggest --no-user-packs --format \#(format) > /dev/full"#, sandbox)
        #expect(r.status == 1)
        #expect(r.err.contains("cannot write to standard output: No space left on device"), "\(r.err)")
    }

    @Test func aClosedStdoutIsReportedAndFails() throws {
        let sandbox = try Sandbox()
        let r = try shell(#"echo "where is my parcel" | "$1" suggest --no-user-packs >&-"#, sandbox)
        #expect(r.status == 1)
        #expect(r.err.contains("cannot write to standard output"), "\(r.err)")
        let listing = try shell(#""$1" plugins list --no-user-packs >&-"#, sandbox)
        #expect(listing.status == 1)
        #expect(listing.err.contains("cannot write to standard output"), "\(listing.err)")
    }

    @Test func numericIDsAndVarsComeBackAsWritten() throws {
        let sandbox = try Sandbox()
        let pack = try TestPacks.writeParcel(sandbox)
        let input = """
            {"id": 1234567890123456789, "text": "where is my parcel", "vars": {"t_code": 1234567890123456789}}
            {"id": 1234567890123456788, "text": "where is my parcel", "vars": {"t_code": 1e-7}}
            {"id": 1e-7, "text": "where is my parcel"}
            {"id": 2e-7, "text": "where is my parcel"}

            """
        let r = try Kefu.run(
            ["suggest"] + isolated + ["--snippets", pack, "--input", "jsonl", "--format", "jsonl", "--top", "20"], stdin: input, in: sandbox
        )
        #expect(r.status == 0, "\(r.err)")
        let lines = r.lines
        try #require(lines.count == 4)
        #expect(lines[0].hasPrefix(#"{"id":1234567890123456789,"#))
        #expect(lines[1].hasPrefix(#"{"id":1234567890123456788,"#))
        #expect(lines[2].hasPrefix(#"{"id":1e-7,"#))
        #expect(lines[3].hasPrefix(#"{"id":2e-7,"#))
        let records = try JSON.objects(r)
        #expect(JSON.draft(records[0], snippet: "t.parcel.code")?["text"] as? String == "Your code is 1234567890123456789.")
        #expect(JSON.draft(records[1], snippet: "t.parcel.code")?["text"] as? String == "Your code is 1e-7.")
    }

    @Test func loneSurrogatesDuplicatesAndTrailingCommasAreErrorRecords() throws {
        let sandbox = try Sandbox()
        let input = """
            {"id": "keep-me", "text": "\\ud800"}
            {"id": 2, "id": 3, "text": "a"}
            {"id": 4, "text": "a",}

            """
        let r = try Kefu.run(["suggest"] + isolated + ["--input", "jsonl", "--format", "jsonl"], stdin: input, in: sandbox)
        #expect(r.status == 1)
        let records = try JSON.objects(r)
        try #require(records.count == 3)
        #expect(records.allSatisfy(JSON.isErrorRecord))
        #expect(records[0]["id"] as? String == "keep-me")
        #expect((records[0]["error"] as? String)?.contains("lone surrogate") == true)
        #expect((records[1]["error"] as? String)?.hasPrefix("record 2 is not valid JSON: duplicate key") == true)
        #expect((records[2]["error"] as? String)?.hasPrefix("record 3 is not valid JSON") == true)
    }

    /// A record of 1 MiB of nested brackets is refused at its 65th level,
    /// not decoded (it used to take minutes).
    @Test func deepNestingIsAnErrorRecord() throws {
        let sandbox = try Sandbox()
        let deep = "{\"text\": \"a\", \"x\": " + String(repeating: "[", count: (1 << 20) - 40) + "\nwhere is my parcel\n"
        let r = try Kefu.run(["suggest"] + isolated + ["--input", "jsonl", "--format", "jsonl"], stdin: deep, in: sandbox)
        #expect(!r.timedOut)
        #expect(r.status == 1)
        let records = try JSON.objects(r)
        try #require(records.count == 2)
        #expect((records[0]["error"] as? String)?.contains("nested deeper than 64 levels") == true)
    }

    @Test func theSizeLimitIsExact() throws {
        let sandbox = try Sandbox()
        let limit = 1 << 20
        let exactly = String(repeating: "a", count: limit)
        let input = exactly + "\n" + exactly + "b\nwhere is my parcel\n"
        let r = try Kefu.run(["suggest"] + isolated + ["--format", "jsonl", "--top", "1"], stdin: input, in: sandbox)
        let records = try JSON.objects(r)
        try #require(records.count == 3)
        #expect(!JSON.isErrorRecord(records[0]), "exactly 1 MiB passes")
        #expect(JSON.isErrorRecord(records[1]), "1 MiB + 1 byte does not")
        #expect(!JSON.isErrorRecord(records[2]))
    }

    /// A malformed escape drops itself, not the buyer's question.
    @Test(arguments: ["您好\u{1B}]我的快递到哪了", "\u{1B}[我的快递到哪了", "您好\u{9D}我的快递到哪了"])
    func malformedEscapesLeaveTheQuestionReadable(message: String) throws {
        let sandbox = try Sandbox()
        let r = try Kefu.run(["suggest"] + isolated + ["--format", "jsonl", "--top", "1"], stdin: message + "\n", in: sandbox)
        #expect(r.status == 0)
        let record = try #require(try JSON.objects(r).first)
        #expect(JSON.intents(record).contains("logistics"), "\(r.out)")
    }

    /// SIGTERM while kefu is blocked writing to a pipe nobody reads: the
    /// write in flight is finished, so every line the reader gets is whole.
    @Test func sigtermWhileWritingLeavesNoTornLine() throws {
        _ = Kefu.ignoreSIGPIPE  // kefu stops reading when it dies
        let sandbox = try Sandbox()
        let process = Process()
        process.executableURL = KefuBinary.url
        process.arguments = ["suggest", "--no-user-packs", "--format", "jsonl", "--explain"]
        process.environment = sandbox.environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let lines = Data(String(repeating: "where is my parcel, it was damaged and I want a refund\n", count: 5000).utf8)
        Thread {
            try? input.fileHandleForWriting.write(contentsOf: lines); try? input.fileHandleForWriting.close()
        }.start()
        // Wait (hang guard only) until the pipe is full: kefu is blocked in a write.
        let fd = output.fileHandleForReading.fileDescriptor
        var waiting: Int32 = 0
        let full = Poll.untilTrue(timeout: 30, interval: 0.01) {
            _ = ioctl(fd, UInt(FIONREAD), &waiting)
            return waiting >= 60_000
        }
        try #require(full, "kefu never filled the pipe")
        usleep(100_000)
        kill(process.processIdentifier, SIGTERM)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(
            process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM,
            "status \(process.terminationStatus), \(data.count) bytes")
        #expect(data.last == 0x0A, "the last line was torn")
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "torn line: \(line.suffix(80))")
        }
    }
}
