import Foundation
import KefuTestSupport
import Testing

@testable import KefuCore

/// Usage records as the REPL writes them, for the statistics tests: each
/// made with `UsageRecord` and read back through `UsageLogReader`.
struct UsageFixture {
    var lines: [String] = []
    let start = ISO8601DateFormatter().date(from: "2026-11-03T10:00:00Z")!

    func time(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }

    mutating func add(_ r: UsageRecord) { lines.append(String(decoding: r.line(), as: UTF8.self).trimmingCharacters(in: .newlines)) }

    /// An `answered` line: `intents` reported first, then guesses.
    mutating func answered(
        _ message: Int, at minutes: Double, thread: String = "t-1", intents: [(String, Bool)] = [], drafts: [String] = [],
        hedged: Bool = false, generic: Bool = false
    ) {
        var r = UsageRecord(event: .answered, time: time(minutes), thread: thread, message: message)
        r.language = "zh-Hans"
        r.text = "消息\(message)"
        r.intents = intents.map { .init(intent: $0.0, confidence: $0.1 ? 0.9 : 0.3, reported: $0.1) }
        r.drafts = drafts.enumerated().map { .init(id: $1, rank: $0 + 1, intent: intents.first?.0) }
        r.hedged = hedged
        r.generic = generic
        add(r)
    }

    mutating func copied(
        _ message: Int, at minutes: Double, thread: String = "t-1", ids: [String], ranks: [Int], intent: String?, edited: Int = 0,
        keystrokes: Int = 1, seconds: Double = 2
    ) {
        var r = UsageRecord(event: .copied, time: time(minutes), thread: thread, message: message)
        r.copy = .init(
            ids: ids, ranks: ranks, intent: intent, edited: edited > 0, editDistance: edited, keystrokes: keystrokes, seconds: seconds)
        add(r)
    }

    mutating func labelled(_ message: Int, at minutes: Double, thread: String = "t-1", intent: String) {
        var r = UsageRecord(event: .labelled, time: time(minutes), thread: thread, message: message)
        r.learned = "7 \(intent)"
        add(r)
    }

    var parsed: [UsageLine] { UsageLogReader.parse(Data((lines.joined(separator: "\n") + "\n").utf8), path: "fixture.jsonl").lines }

    func statistics(since: Date? = nil, snippets: [String] = []) -> UsageStatistics {
        UsageStatistics(lines: parsed, since: since, snippets: snippets, timeZone: TimeZone(identifier: "UTC")!)
    }
}

@Suite struct UsageStatisticsTests {
    @Test func quantilesInterpolateBetweenClosestRanks() {
        #expect(Quantile.of([4, 1, 3, 2], 0.5) == 2.5)
        #expect(abs(Quantile.of([1, 2, 3, 4], 0.9)! - 3.7) < 1e-9)
        #expect(Quantile.of([1, 2, 3], 0.5) == 2)
        #expect(Quantile.of([7], 0.9) == 7)
        #expect(Quantile.of([], 0.5) == nil)
    }

    @Test func firstCopiesGiveKeystrokesSecondsAndDraft1() {
        var f = UsageFixture()
        let keys = [1, 2, 3, 10]
        for (i, k) in keys.enumerated() {
            let n = i + 1
            f.answered(n, at: Double(n), intents: [("logistics", true)], drafts: ["a", "b"])
            f.copied(
                n, at: Double(n) + 0.1, ids: [n == 4 ? "b" : "a"], ranks: [n == 4 ? 2 : 1], intent: "logistics", keystrokes: k,
                seconds: Double(k))
        }
        // A second copy of message 1 is not what answered the buyer.
        f.copied(1, at: 1.5, ids: ["b"], ranks: [2], intent: "logistics", keystrokes: 99, seconds: 99)
        f.answered(5, at: 6, intents: [("logistics", true)], drafts: ["a"])  // never copied
        let s = f.statistics()
        #expect(s.messages == 5 && s.copied == 4 && s.byDraft1 == 3)
        #expect(s.share(s.byDraft1) == 0.6)
        #expect(s.keystrokes.count == 4 && s.keystrokes.median == 2.5)
        #expect(abs(s.keystrokes.p90! - 7.9) < 1e-9, "\(String(describing: s.keystrokes.p90))")
        #expect(s.seconds.median == 2.5)
    }

    @Test func sinceLeavesEarlierMessagesAndCopiesOut() {
        var f = UsageFixture()
        f.answered(1, at: 0, intents: [("bargain", true)], drafts: ["x"])
        f.copied(1, at: 1, ids: ["x"], ranks: [1], intent: "bargain")
        f.answered(2, at: 120, intents: [("logistics", true)], drafts: ["y"], generic: false)
        f.copied(2, at: 121, ids: ["y"], ranks: [1], intent: "logistics")
        let all = f.statistics(snippets: ["x", "y"])
        #expect(all.messages == 2 && all.neverPicked.isEmpty)
        let later = f.statistics(since: f.time(60), snippets: ["x", "y"])
        #expect(later.messages == 1 && later.copied == 1)
        #expect(later.intents.map(\.intent) == ["logistics"])
        #expect(later.neverPicked.map(\.id) == ["x"], "x was copied before --since")
        #expect(later.first == f.time(120))
    }

    @Test func missesAreTheAgentsIntentNotAnsweredFirstAndConfidently() {
        var f = UsageFixture()
        // 1: confident and right: a hit.
        f.answered(1, at: 1, intents: [("logistics", true)], drafts: ["l"])
        f.copied(1, at: 1.1, ids: ["l"], ranks: [1], intent: "logistics")
        // 2: confident, the agent copied another intent's draft: a miss of refund_return.
        f.answered(2, at: 2, intents: [("logistics", true), ("refund_return", true)], drafts: ["l", "r"])
        f.copied(2, at: 2.1, ids: ["r"], ranks: [2], intent: "refund_return")
        // 3: hedged, the guess was right: still a miss (kefu only guessed).
        f.answered(3, at: 3, intents: [("logistics", false)], drafts: ["l"], hedged: true)
        f.copied(3, at: 3.1, ids: ["l"], ranks: [1], intent: "logistics")
        // 4: generic, then a draft of an intent found by the agent: a miss.
        f.answered(4, at: 4, drafts: ["generic.checking"], generic: true)
        f.copied(4, at: 4.1, ids: ["bargain.hold"], ranks: [1], intent: "bargain")
        // 5: generic, a generic draft copied (no intent): nothing known.
        f.answered(5, at: 5, drafts: ["generic.checking"], generic: true)
        f.copied(5, at: 5.1, ids: ["generic.checking"], ranks: [1], intent: nil)
        // 6: labelled with the intent kefu gave confidently: a hit; 7: labelled otherwise: a miss.
        f.answered(6, at: 6, intents: [("invoice", true)], drafts: ["i"])
        f.labelled(6, at: 6.1, intent: "invoice")
        f.answered(7, at: 7, intents: [("invoice", true)], drafts: ["i"])
        f.labelled(7, at: 7.1, intent: "other")
        // 8: drafts combined: no one intent.
        f.answered(8, at: 8, intents: [("logistics", true)], drafts: ["l", "m"])
        f.copied(8, at: 8.1, ids: ["l", "m"], ranks: [1, 2], intent: nil)
        let s = f.statistics()
        #expect(s.messages == 8)
        #expect(s.settled == 6 && s.misses == 4, "settled \(s.settled), misses \(s.misses)")
        #expect(s.generic == 2 && s.hedged == 1)
        let rows = Dictionary(uniqueKeysWithValues: s.intents.map { ($0.intent, $0) })
        #expect(rows["logistics"]?.settled == 2 && rows["logistics"]?.misses == 1 && rows["logistics"]?.missRate == 0.5)
        #expect(rows["logistics"]?.messages == 3, "messages 1, 3, 8 (8 by kefu's first intent)")
        #expect(rows["refund_return"]?.missRate == 1 && rows["bargain"]?.missRate == 1)
        #expect(rows["invoice"]?.settled == 1 && rows["invoice"]?.misses == 0)
        #expect(rows["other"]?.misses == 1)
        #expect(s.intents.first?.intent == "logistics", "most messages first")
    }

    @Test func snippetsNeverPickedAreTheLibrarysNeverCopied() {
        var f = UsageFixture()
        f.answered(1, at: 1, intents: [("t", true)], drafts: ["a", "b", "c"])
        f.copied(1, at: 1.1, ids: ["a"], ranks: [1], intent: "t")
        f.answered(2, at: 2, intents: [("t", true)], drafts: ["b", "c"])
        f.copied(2, at: 2.1, ids: ["c", "a"], ranks: [2, 1], intent: nil)
        f.answered(3, at: 3, intents: [("t", true)], drafts: ["b"])
        let s = f.statistics(snippets: ["a", "b", "c", "d", "e"])
        #expect(s.neverPicked.map(\.id) == ["b", "d", "e"], "combined copies pick too; most offered first")
        #expect(s.neverPicked.first?.offered == 3)
    }

    @Test func nearlyAlwaysEditedNeedsFourInFiveOfFiveCopies() {
        var f = UsageFixture()
        var n = 0
        func copies(_ id: String, _ total: Int, edited: Int) {
            for k in 0..<total {
                n += 1
                f.answered(n, at: Double(n), intents: [("t", true)], drafts: [id])
                f.copied(n, at: Double(n) + 0.1, ids: [id], ranks: [1], intent: "t", edited: k < edited ? 12 : 0)
            }
        }
        copies("x", 5, edited: 4)  // 80% of 5: nearly always
        copies("y", 4, edited: 4)  // too few copies to say
        copies("z", 5, edited: 3)  // 60%
        copies("w", 6, edited: 6)  // 100%
        // Edits of combined drafts belong to no one snippet.
        n += 1
        f.answered(n, at: Double(n), intents: [("t", true)], drafts: ["z", "y"])
        f.copied(n, at: Double(n) + 0.1, ids: ["z", "y"], ranks: [1, 2], intent: nil, edited: 30)
        let s = f.statistics(snippets: ["x", "y", "z", "w"])
        #expect(s.nearlyAlwaysEdited.map(\.id) == ["w", "x"])
        #expect(s.nearlyAlwaysEdited.last?.edited == 4 && s.nearlyAlwaysEdited.last?.singleCopies == 5)
        #expect(s.nearlyAlwaysEdited.last?.editDistance == 48)
    }

    @Test func malformedLinesAreSkippedCountedAndNamed() {
        var f = UsageFixture()
        f.answered(1, at: 1, intents: [("t", true)], drafts: ["a"])
        let good = f.lines[0]
        let text = [
            good, "{not json", #"{"v":1,"time":"2026-11-03T10:00:00Z","thread":"t","message":2}"#,
            #"{"v":1,"event":"answered","time":"yesterday","thread":"t","message":3}"#, "   ",
            #"{"v":1,"event":"exploded","time":"2026-11-03T10:00:00Z","thread":"t","message":4}"#,
            good.replacingOccurrences(of: "\"message\":1", with: "\"message\":5"),
        ].joined(separator: "\n")
        let read = UsageLogReader.parse(Data(text.utf8), path: "/logs/alice.jsonl")
        #expect(read.lines.map(\.line) == [1, 7])
        #expect(read.malformed.map(\.line) == [2, 3, 4, 6])
        #expect(read.malformed[0].description == "/logs/alice.jsonl:2: skipped: not JSON")
        #expect(read.malformed[1].reason.contains("event"), "\(read.malformed[1].reason)")
        #expect(read.malformed[2].reason.contains("ISO 8601"))
        // A file cut short mid-line keeps every whole line before it.
        let cut = UsageLogReader.parse(Data((good + "\n" + good.prefix(30)).utf8), path: "cut.jsonl")
        #expect(cut.lines.count == 1 && cut.malformed.map(\.line) == [2])
    }

    @Test func theLogsOwnTimesAreReadAsFoundationReadsThem() {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for t in ["2026-12-02T06:51:49.911Z", "2024-02-29T23:59:59.999Z", "2000-03-01T00:00:00.000Z", "1969-12-31T23:59:59.500Z"] {
            #expect(UsageLogReader.TimeParser.logTime(t) == f.date(from: t), "\(t)")
        }
        #expect(UsageLogReader.TimeParser.logTime("2026-12-02T06:51:49Z") == nil, "another shape: Foundation's")
        #expect(UsageLogReader.TimeParser().date("2026-12-02T14:51:49+08:00") == f.date(from: "2026-12-02T06:51:49.000Z"))
    }

    @Test func daysRunFromFirstToLastWithQuietDaysAsZero() {
        var f = UsageFixture()
        f.answered(1, at: 0)
        f.answered(2, at: 10)
        f.answered(3, at: 3 * 24 * 60)
        let s = f.statistics()
        #expect(s.days.map(\.day) == ["2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"])
        #expect(s.days.map(\.messages) == [2, 0, 0, 1])
    }

    @Test func aMessageReadTwiceCountsOnce() {
        var f = UsageFixture()
        f.answered(1, at: 1, intents: [("t", true)], drafts: ["a"])
        f.copied(1, at: 1.1, ids: ["a"], ranks: [1], intent: "t")
        f.lines += f.lines
        let s = f.statistics()
        #expect(s.messages == 1 && s.copied == 1)
        // Two agents' REPLs number their messages alike; their threads differ.
        f.answered(1, at: 2, thread: "u-1", intents: [("t", true)], drafts: ["a"])
        #expect(f.statistics().messages == 2)
    }

    @Test func sinceTakesDurationsDaysAndTimes() throws {
        let now = ISO8601DateFormatter().date(from: "2026-12-02T12:00:00Z")!
        let utc = TimeZone(identifier: "UTC")!
        #expect(try UsagePeriod.start("7d", now: now) == now.addingTimeInterval(-7 * 86400))
        #expect(try UsagePeriod.start("24h", now: now) == now.addingTimeInterval(-86400))
        #expect(try UsagePeriod.start("30m", now: now) == now.addingTimeInterval(-1800))
        #expect(try UsagePeriod.start("2026-11-01", now: now, timeZone: utc) == ISO8601DateFormatter().date(from: "2026-11-01T00:00:00Z"))
        let shanghai = TimeZone(identifier: "Asia/Shanghai")!
        #expect(
            try UsagePeriod.start("2026-11-01", now: now, timeZone: shanghai) == ISO8601DateFormatter().date(from: "2026-10-31T16:00:00Z"))
        #expect(try UsagePeriod.start("2026-11-01T08:00:00Z", now: now) == ISO8601DateFormatter().date(from: "2026-11-01T08:00:00Z"))
        for bad in ["7x", "yesterday", "2026-02-30", "-3d", ""] {
            #expect(throws: UsagePeriod.Invalid.self, "\(bad)") { try UsagePeriod.start(bad, now: now) }
        }
    }

    @Test func foldersGiveTheirLogsOldestFirstEachFileOnce() throws {
        let folder = try Sandbox()
        for name in ["a/usage.jsonl", "a/usage-20261101T000000.000-1-000.jsonl", "a/.hidden/x.jsonl", "a/notes.txt", "b/usage.jsonl"] {
            try folder.write(name, Data())
        }
        let found = UsageLogReader.files(at: [
            folder.path + "/a", folder.path + "/b/usage.jsonl", folder.path + "/a/usage.jsonl", "/nonexistent",
        ])
        #expect(
            found.files.map { $0.replacingOccurrences(of: folder.path + "/", with: "") } == [
                "a/usage-20261101T000000.000-1-000.jsonl", "a/usage.jsonl", "b/usage.jsonl",
            ])
        #expect(found.missing == ["/nonexistent"])
    }
}
