import Foundation
import KefuCore
import KefuTestSupport
import Testing

/// `kefu stats` through the binary, on usage logs as the REPL writes them:
/// two agents' folders (one with a rotated file) and a single file, read
/// together as a team lead reads them.
@Suite struct StatsCommandTests {
    /// One usage line, as `UsageRecord.line()` writes it.
    static func answered(_ thread: String, _ n: Int, _ time: String, intent: String?, reported: Bool = true, drafts: [String]) -> String {
        let intents = intent.map { #"[{"confidence":0.9,"intent":"\#($0)","reported":\#(reported)}]"# } ?? "[]"
        let list = drafts.enumerated().map { #"{"id":"\#($1)","rank":\#($0 + 1)}"# }.joined(separator: ",")
        return #"{"drafts":[\#(list)],"event":"answered","generic":\#(intent == nil),"hedged":\#(!reported),"intents":\#(intents),"#
            + #""language":"zh-Hans","message":\#(n),"text":"…","thread":"\#(thread)","time":"\#(time)","v":1}"#
    }

    static func copied(
        _ thread: String, _ n: Int, _ time: String, id: String, rank: Int, intent: String, keys: Int, seconds: Double, edited: Int = 0
    )
        -> String
    {
        #"{"copy":{"edit_distance":\#(edited),"edited":\#(edited > 0),"ids":["\#(id)"],"intent":"\#(intent)","keystrokes":\#(keys),"ranks":[\#(rank)],"seconds":\#(seconds)},"#
            + #""event":"copied","message":\#(n),"thread":"\#(thread)","time":"\#(time)","v":1}"#
    }

    /// alice: four messages over two days (one in a rotated file), bob: two,
    /// carol's file: one, and a line that is not a record.
    static func writeLogs(_ sandbox: Sandbox) throws -> (alice: String, bob: String, carol: String) {
        try sandbox.write(
            "team/alice/usage-20261103T120000.000-4242-000.jsonl",
            [
                answered(
                    "a-1", 1, "2026-11-03T10:00:00.000Z", intent: "logistics", drafts: ["logistics.stuck", "logistics.tracking_link"]),
                copied("a-1", 1, "2026-11-03T10:00:02.000Z", id: "logistics.stuck", rank: 1, intent: "logistics", keys: 1, seconds: 2),
            ].joined(separator: "\n") + "\n")
        try sandbox.write(
            "team/alice/usage.jsonl",
            [
                answered("a-1", 2, "2026-11-04T10:00:00.000Z", intent: "logistics", drafts: ["logistics.stuck", "refund-return.steps"]),
                copied(
                    "a-1", 2, "2026-11-04T10:00:09.000Z", id: "refund-return.steps", rank: 2, intent: "refund_return", keys: 3, seconds: 9),
                answered("a-1", 3, "2026-11-04T11:00:00.000Z", intent: "bargain", reported: false, drafts: ["bargain.hold"]),
                copied("a-1", 3, "2026-11-04T11:00:04.000Z", id: "bargain.hold", rank: 1, intent: "bargain", keys: 1, seconds: 4),
                "{\"event\":\"answered\",\"thread\":",
                answered("a-1", 4, "2026-11-04T12:00:00.000Z", intent: "礼品卡", drafts: ["myshop.gift"]),
            ].joined(separator: "\n") + "\n")
        try sandbox.write(
            "team/bob/usage.jsonl",
            [
                answered("b-1", 1, "2026-11-05T10:00:00.000Z", intent: "logistics", drafts: ["logistics.stuck"]),
                copied("b-1", 1, "2026-11-05T10:00:03.000Z", id: "logistics.stuck", rank: 1, intent: "logistics", keys: 1, seconds: 3),
                answered("b-1", 2, "2026-11-05T10:30:00.000Z", intent: nil, drafts: ["generic.checking"]),
            ].joined(separator: "\n") + "\n")
        let carol = try sandbox.write(
            "carol.jsonl",
            answered("c-1", 1, "2026-11-05T09:00:00.000Z", intent: "logistics", drafts: ["logistics.stuck"]) + "\n"
                + copied("c-1", 1, "2026-11-05T09:00:20.000Z", id: "logistics.stuck", rank: 1, intent: "logistics", keys: 7, seconds: 20)
                + "\n")
        return (sandbox.root.appendingPathComponent("team/alice").path, sandbox.root.appendingPathComponent("team/bob").path, carol)
    }

    static let utc = ["TZ": "UTC", "COLUMNS": "72"]

    @Test func textReadsFoldersAndFilesTogetherAndNamesTheBadLine() throws {
        let sandbox = try Sandbox()
        let logs = try Self.writeLogs(sandbox)
        let r = try Kefu.run(["stats", "--no-user-packs", logs.alice, logs.bob, logs.carol], in: sandbox, environment: Self.utc)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("team/alice/usage.jsonl:5: skipped: not JSON"), "\(r.err)")
        let out = r.out
        #expect(out.contains("4 usage files · 2026-11-03 to 2026-11-05"), "\(out)")
        #expect(out.contains("messages answered    7"), "\(out)")
        #expect(out.contains("answered by draft 1  4  57%"), "\(out)")
        // Misses: message 2 (logistics first, refund copied) and 3 (a guess).
        #expect(out.contains("missed               2  40% of 5 settled"), "\(out)")
        #expect(out.contains("keystrokes to copy   median 1 · p90 5.4"), "\(out)")
        #expect(out.contains("seconds to copy      median 4.0 · p90 15.6"), "\(out)")
        #expect(out.contains("skipped 1 malformed line"))
        #expect(out.contains("messages per day  2026-11-03 to 2026-11-05, most 3"), "\(out)")
        for heading in ["intents by volume", "intents by miss rate", "snippets never picked"] { #expect(out.contains(heading)) }
        #expect(out.contains("礼品卡"))
        #expect(!out.contains("\u{1B}"), "no colour into a pipe")
        for line in r.lines { #expect(DisplayWidth.of(line) <= 72, "too wide: \(line)") }
        let volume = r.lines.drop { !$0.hasPrefix("intents by volume") }.dropFirst().prefix { !$0.isEmpty }
        #expect(volume.first?.hasPrefix("  logistics") == true && volume.first?.hasSuffix("  3") == true, "\(volume)")
    }

    @Test func jsonIsOneVersionedObject() throws {
        let sandbox = try Sandbox()
        let logs = try Self.writeLogs(sandbox)
        let r = try Kefu.run(
            ["stats", "--no-user-packs", "--format", "json", logs.alice, logs.bob, logs.carol], in: sandbox, environment: Self.utc)
        #expect(r.status == 0 && r.lines.count == 1, "\(r.out)\(r.err)")
        let d = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        #expect(d["version"] as? Int == 1)
        #expect(d["messages"] as? Int == 7 && d["copied"] as? Int == 5 && d["answered_by_draft_1"] as? Int == 4)
        #expect(d["malformed_lines"] as? Int == 1 && (d["files"] as? [String])?.count == 4)
        #expect((d["keystrokes"] as? [String: Any])?["median"] as? Double == 1)
        #expect(d["generic"] as? Int == 1 && d["hedged"] as? Int == 1)
        let intents = try #require(d["intents"] as? [[String: Any]])
        #expect(intents.first?["intent"] as? String == "logistics" && intents.first?["messages"] as? Int == 3)
        let never = (d["snippets_never_picked"] as? [[String: Any]])?.compactMap { $0["snippet"] as? String } ?? []
        #expect(never.contains("generic.checking") && !never.contains("logistics.stuck") && !never.contains("myshop.gift"))
        #expect(d["learned"] is NSNull, "--no-user-packs: the learned examples are not loaded")
        #expect((d["days"] as? [[String: Any]])?.map { $0["messages"] as? Int } == [1, 3, 3])
    }

    @Test func csvIsOneTableOfMetricRowsQuotedAsRFC4180() throws {
        let sandbox = try Sandbox()
        let logs = try Self.writeLogs(sandbox)
        // A log edited by hand: ids with a comma, a quote, an escape.
        let odd = try sandbox.write(
            "odd.jsonl",
            Self.answered("o-1", 1, "2026-11-05T08:00:00.000Z", intent: #"a,b\"c"#, drafts: ["x"]) + "\n"
                + Self.answered("o-1", 2, "2026-11-05T08:01:00.000Z", intent: #"evil\u001b[31m"#, drafts: ["x"]) + "\n")
        let r = try Kefu.run(
            ["stats", "--no-user-packs", "--format", "csv", logs.alice, logs.bob, odd], in: sandbox, environment: Self.utc)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("section,key,metric,value\r\n"))
        let rows = r.out.components(separatedBy: "\r\n")
        #expect(rows.contains("overall,,messages,8"), "\(r.out)")
        #expect(rows.contains("overall,,answered_by_draft_1_share,0.375"))
        #expect(rows.contains("intent,logistics,miss_rate,0") && rows.contains("intent,refund_return,miss_rate,1"), "\(r.out)")
        #expect(rows.contains("day,2026-11-04,messages,3"))
        #expect(rows.contains("never_picked,generic.checking,offered,1"))
        #expect(rows.contains(#"intent,"a,b""c",messages,1"#), "\(r.out)")
        #expect(rows.contains("intent,evil^[[31m,messages,1"), "\(r.out)")
        #expect(!r.out.contains("\u{1B}"))
    }

    @Test func hostileIdsReachNoTerminalAsEscapes() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.write(
            "odd.jsonl",
            Self.answered("o-1", 1, "2026-11-05T08:00:00.000Z", intent: #"evil\u001b]52;c;SGk=\u0007"#, drafts: ["x\u{202E}y"]) + "\n")
        let text = try Kefu.run(["stats", "--no-user-packs", file], in: sandbox)
        #expect(!text.out.contains("\u{1B}") && !text.out.contains("\u{07}"), "\(text.out)")
        #expect(text.out.contains("evil^[]52;c;SGk=^G"), "\(text.out)")
        let json = try Kefu.run(["stats", "--no-user-packs", "--format", "json", file], in: sandbox)
        #expect(!json.out.contains("\u{1B}") && json.out.contains(#"evil\u001b]52"#), "\(json.out)")
    }

    @Test func sinceCountsOnlyLaterMessages() throws {
        let sandbox = try Sandbox()
        let logs = try Self.writeLogs(sandbox)
        let r = try Kefu.run(
            ["stats", "--no-user-packs", "--format", "json", "--since", "2026-11-05", logs.alice, logs.bob, logs.carol], in: sandbox,
            environment: Self.utc)
        let d = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        #expect(d["messages"] as? Int == 3 && d["since"] as? String == "2026-11-05T00:00:00Z", "\(r.out)")
        let recent = try Kefu.run(["stats", "--no-user-packs", "--since", "24h", logs.alice], in: sandbox)
        #expect(recent.status == 0 && recent.out.contains("no usage recorded since 24h in 2 usage files"), "\(recent.out)")
        let bad = try Kefu.run(["stats", "--since", "last tuesday"], in: sandbox)
        #expect(bad.status == 2 && bad.err.contains("--since takes"), "\(bad.err)")
    }

    @Test func nothingRecordedIsSaidAndIsNoError() throws {
        let sandbox = try Sandbox()
        let r = try Kefu.run(["stats"], in: sandbox)
        #expect(r.status == 0 && r.out.contains("no usage recorded yet"), "\(r.out)\(r.err)")
        #expect(r.out.contains("state/kefu/usage"), "says where the log would be: \(r.out)")
        let json = try Kefu.run(["stats", "--format", "json"], in: sandbox)
        let d = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(json.status == 0 && d["messages"] as? Int == 0 && d["version"] as? Int == 1)
        #expect(json.err.contains("no usage recorded yet"))
    }

    @Test func theUsersOwnLogAndLearnedExamplesByDefault() throws {
        let sandbox = try Sandbox()
        let logs = try Self.writeLogs(sandbox)
        let usage = sandbox.statePath("usage")
        try sandbox.folder("state/kefu")
        try FileManager.default.copyItem(atPath: logs.bob, toPath: usage)
        let tsv = try sandbox.write("h.tsv", "text\tintents\n咕噜咕噜呢\tlogistics\n")
        _ = try Kefu.run(["learn", "import", tsv], in: sandbox)
        let learned = sandbox.statePath("learned/learned.json")
        var store = try String(contentsOfFile: learned, encoding: .utf8)
        store = store.replacingOccurrences(of: "\"votes\" : 3", with: "\"votes\" : 1")
        try store.write(toFile: learned, atomically: true, encoding: .utf8)

        let r = try Kefu.run(["stats", "--format", "json"], in: sandbox)
        let d = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any], "\(r.out)\(r.err)")
        #expect(d["messages"] as? Int == 2)
        let l = try #require(d["learned"] as? [String: Any], "\(r.out)")
        #expect(l["examples"] as? Int == 1 && l["waiting_for_review"] as? Int == 1, "\(l)")
        let text = try Kefu.run(["stats"], in: sandbox, environment: ["COLUMNS": "100"])
        #expect(text.out.contains("learned examples waiting for review  1 of 1"), "\(text.out)")
    }

    @Test func aMissingPathIsAnErrorButTheRestIsReported() throws {
        let sandbox = try Sandbox()
        let logs = try Self.writeLogs(sandbox)
        let r = try Kefu.run(["stats", "--no-user-packs", logs.carol, "nowhere.jsonl"], in: sandbox, environment: Self.utc)
        #expect(r.status == 1 && r.err.contains("no such file or folder: nowhere.jsonl"), "\(r.err)")
        #expect(r.out.contains("messages answered    1"), "\(r.out)")
    }
}
