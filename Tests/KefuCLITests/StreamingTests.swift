import Foundation
import KefuTestSupport
import Testing

/// Each result is written and flushed as soon as its record is read, while
/// stdin is still open: a script can hold a conversation with kefu.
@Suite struct StreamingTests {
    /// Generous: a guard against waiting forever, not a speed requirement.
    static let patience: TimeInterval = 10

    @Test func eachResultArrivesBeforeStdinIsClosed() throws {
        let sandbox = try Sandbox()
        let pack = try TestPacks.writeParcel(sandbox)
        let kefu = try LiveKefu(["suggest"] + isolated + ["--snippets", pack, "--format", "jsonl"], in: sandbox)

        try kefu.send("where is my parcel\n")
        let first = try #require(kefu.readLine(timeout: Self.patience), "no output for the first line while stdin is open")
        let one = try JSON.object(first)
        #expect(JSON.numericID(one) == 1)
        #expect(JSON.intents(one).contains("t.parcel"))
        #expect(kefu.process.isRunning, "kefu must keep reading while stdin is open")

        try kefu.send("do you have a voucher\n")
        let second = try #require(kefu.readLine(timeout: Self.patience), "no output for the second line")
        let two = try JSON.object(second)
        #expect(JSON.numericID(two) == 2)
        #expect(JSON.intents(two).contains("t.voucher"))

        try kefu.closeInput()
        #expect(kefu.readLine(timeout: Self.patience) == nil, "nothing more after the two records")
        #expect(kefu.waitForExit(timeout: Self.patience) == 0)
    }

    @Test func jsonlRecordsStreamToo() throws {
        let sandbox = try Sandbox()
        let pack = try TestPacks.writeParcel(sandbox)
        let kefu = try LiveKefu(["suggest"] + isolated + ["--snippets", pack, "--input", "jsonl", "--format", "jsonl"], in: sandbox)

        try kefu.send(#"{"id": "first", "text": "any coupon code"}"# + "\n")
        let first = try #require(kefu.readLine(timeout: Self.patience))
        #expect(try JSON.object(first)["id"] as? String == "first")

        // A bad record is answered at once as well.
        try kefu.send("{oops\n")
        let second = try #require(kefu.readLine(timeout: Self.patience))
        let error = try JSON.object(second)
        #expect(JSON.isErrorRecord(error))
        #expect(JSON.numericID(error) == 2)

        try kefu.closeInput()
        #expect(kefu.waitForExit(timeout: Self.patience) == 1)
    }

    /// Results of records that arrive together may be written together, but
    /// none waits for input that has not come: two lines sent at once, a
    /// blank line, a block and its blank line are all answered while stdin
    /// stays open.
    @Test func nothingIsHeldBackWaitingForMoreInput() throws {
        let sandbox = try Sandbox()
        let pack = try TestPacks.writeParcel(sandbox)
        let kefu = try LiveKefu(["suggest"] + isolated + ["--snippets", pack, "--format", "jsonl"], in: sandbox)
        try kefu.send("where is my parcel\ndo you have a voucher\n\n   \n")
        let first = try #require(kefu.readLine(timeout: Self.patience), "the first of two lines sent together")
        let second = try #require(kefu.readLine(timeout: Self.patience), "the second, though blank lines follow it")
        #expect(JSON.numericID(try JSON.object(first)) == 1)
        #expect(JSON.numericID(try JSON.object(second)) == 2)
        try kefu.send("any coupon code\n")
        #expect(kefu.readLine(timeout: Self.patience) != nil, "a later line is answered too")
        try kefu.closeInput()
        #expect(kefu.waitForExit(timeout: Self.patience) == 0)

        let blocks = try LiveKefu(["suggest"] + isolated + ["--snippets", pack, "--input", "blocks", "--format", "jsonl"], in: sandbox)
        try blocks.send("where is\nmy parcel\n\n")
        #expect(blocks.readLine(timeout: Self.patience) != nil, "a block ended by a blank line")
        try blocks.closeInput()
        #expect(blocks.waitForExit(timeout: Self.patience) == 0)
    }

    /// A large batch comes out complete and in order however it is written.
    @Test func aLargeBatchIsCompleteAndInOrder() throws {
        let sandbox = try Sandbox()
        let lines = (1...3000).map { $0 % 2 == 0 ? "where is my parcel \($0)" : "hello \($0)" }.joined(separator: "\n") + "\n"
        let r = try Kefu.run(["suggest"] + isolated + ["--format", "jsonl"], stdin: Data(lines.utf8), in: sandbox)
        #expect(r.status == 0)
        #expect(r.lines.count == 3000)
        let ids = try r.lines.map { JSON.numericID(try JSON.object($0)) }
        #expect(ids == Array(1...3000))
    }
}
