import Foundation
import KefuTestSupport
import Testing

@testable import KefuCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct RedactionTests {
    let normalizer = TextNormalizer()

    @Test func privateValuesBecomeTheirKind() {
        let r = Redaction.redact("顺丰SF1234567890123到哪了，电话13812345678", normalizer: normalizer)
        #expect(!r.contains("1234567890123") && !r.contains("13812345678"), "\(r)")
        #expect(r.contains("⟨tracking_no⟩") && r.contains("⟨phone⟩"), "\(r)")
        #expect(r.contains("到哪了"), "the words stay: \(r)")
    }

    @Test func namesTheAgentSetAndStrayNumbersGoToo() {
        let r = Redaction.redact("王小明 here, my number is 138 1234 5678, thanks", normalizer: normalizer, names: ["王小明"])
        #expect(r == "⟨name⟩ here, my number is ⟨number⟩, thanks" || r.contains("⟨phone⟩") && r.hasPrefix("⟨name⟩"), "\(r)")
        #expect(!r.contains("5678"))
        // Short numbers (quantities, sizes) are words of the message.
        #expect(Redaction.redact("要2件 XL码", normalizer: normalizer).contains("2件"))
    }

    @Test func controlSequencesNeverReachTheLog() {
        let r = Redaction.redact("hi\u{1B}]52;c;ZXZpbA==\u{07} there", normalizer: normalizer)
        #expect(!r.unicodeScalars.contains { $0.value < 0x20 }, "\(r.debugDescription)")
    }
}

@Suite struct UsageLogTests {
    static func record(_ n: Int, text: String = "我的快递到哪了") -> UsageRecord {
        var r = UsageRecord(event: .answered, time: Date(timeIntervalSince1970: 1_800_000_000), thread: "t-1", message: n)
        r.text = text
        r.intents = [.init(intent: "logistics", confidence: 0.93, reported: true)]
        r.drafts = [.init(id: "logistics.checking", rank: 1, intent: "logistics")]
        return r
    }

    static func lines(_ paths: [String]) -> [String] {
        paths.flatMap { p in
            ((try? String(contentsOfFile: p, encoding: .utf8)) ?? "").split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                .map(String.init)
        }
    }

    @Test func recordsAreOneJSONLineEachInAPrivateFile() throws {
        let folder = try Sandbox()
        let log = UsageLog(directory: folder.path + "/usage")
        #expect(log.append(Self.record(1)) == nil)
        #expect(log.append(Self.record(2)) == nil)
        #expect(FilePermissions.of(log.currentPath) == 0o600)
        #expect(FilePermissions.of(log.directory) == 0o700)
        let lines = Self.lines([log.currentPath])
        #expect(lines.count == 2)
        let decoded = try lines.map { try JSONDecoder().decode(UsageRecord.self, from: Data($0.utf8)) }
        #expect(decoded.map(\.message) == [1, 2])
        #expect(decoded[0] == Self.record(1))
    }

    @Test func aLogMadeWiderIsNarrowedBack() throws {
        let folder = try Sandbox()
        let log = UsageLog(directory: folder.path)
        log.append(Self.record(1))
        chmod(log.currentPath, 0o644)
        log.append(Self.record(2))
        #expect(FilePermissions.of(log.currentPath) == 0o600)
    }

    @Test func theLogRotatesPastItsBoundAndKeepsAFewFiles() throws {
        let folder = try Sandbox()
        let log = UsageLog(directory: folder.path, fileLimit: 2_000, keptFiles: 3)
        for n in 1...200 { #expect(log.append(Self.record(n)) == nil) }
        let rotated = log.rotatedFiles()
        #expect(rotated.count == 3, "\(rotated)")
        for path in log.allFiles() {
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            #expect(size <= 2_000 + UsageLog.recordLimit, "\(path): \(size)")
            #expect(FilePermissions.of(path) == 0o600)
        }
        // What is kept is the newest records, whole and in order.
        let messages = try Self.lines(log.allFiles()).map { try JSONDecoder().decode(UsageRecord.self, from: Data($0.utf8)).message }
        #expect(messages.last == 200)
        #expect(messages == Array(messages.sorted()))
        #expect(messages.count < 200)
    }

    @Test func anOversizedRecordIsShortenedNotSplit() throws {
        let folder = try Sandbox()
        let log = UsageLog(directory: folder.path)
        log.append(Self.record(1, text: String(repeating: "长", count: 100_000)))
        let lines = Self.lines([log.currentPath])
        #expect(lines.count == 1)
        #expect(lines[0].utf8.count <= UsageLog.recordLimit)
        #expect(try JSONDecoder().decode(UsageRecord.self, from: Data(lines[0].utf8)).message == 1)
    }

    /// Several writers at once (as two REPLs are): every record arrives
    /// whole, none is lost, also while the file rotates under them.
    @Test(arguments: [1 << 30, 3_000])
    func concurrentAppendsNeitherInterleaveNorLose(fileLimit: Int) throws {
        let folder = try Sandbox()
        let writers = 4, each = 150
        let path = folder.path
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            // Each writer its own log value, as each REPL process has.
            let log = UsageLog(directory: path, fileLimit: fileLimit, keptFiles: 1_000)
            for n in 0..<each { log.append(Self.record(w * 1_000 + n, text: String(repeating: "字", count: 40 + n % 50))) }
        }
        let log = UsageLog(directory: folder.path, fileLimit: fileLimit, keptFiles: 1_000)
        let lines = Self.lines(log.allFiles())
        #expect(lines.count == writers * each)
        let messages = try lines.map { try JSONDecoder().decode(UsageRecord.self, from: Data($0.utf8)).message }
        #expect(Set(messages).count == writers * each)
        if fileLimit < 1 << 30 { #expect(log.rotatedFiles().count > 1) }
    }
}
