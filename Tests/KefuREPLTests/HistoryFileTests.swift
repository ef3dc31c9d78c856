import Foundation
import KefuTestSupport
import Testing

@testable import KefuREPL

#if canImport(Glibc)
    import Glibc
#endif

/// The history file on disk is not trusted (issue 11): a binary, corrupted or
/// huge file is moved aside byte for byte rather than rewritten lossily or
/// read on every message, and another process's lock cannot hang the REPL.
@Suite struct HistoryFileTests {
    let sandbox: Sandbox
    var folder: URL { sandbox.root }
    var path: String { folder.appendingPathComponent("history").path }

    init() throws { sandbox = try Sandbox() }

    func asideFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("history.unreadable-") }
    }

    @Test func aBinaryHistoryIsMovedAsideUntouched() throws {
        let binary = Data([0x23, 0x6B, 0xFF, 0xFE, 0x00, 0x41, 0x0A, 0xC3, 0x28, 0x0A])
        try binary.write(to: URL(fileURLWithPath: path))
        let history = HistoryFile(path: path, limit: 10)
        #expect(history.load() == [])
        let notice = try #require(history.takeNotice())
        #expect(notice.contains("not a kefu history"), "\(notice)")
        let aside = try asideFiles()
        #expect(aside.count == 1)
        #expect(FileManager.default.contents(atPath: folder.appendingPathComponent(aside[0]).path) == binary)
        // A new history starts, and the old bytes are never rewritten.
        let saved = history.add("where is my parcel")
        #expect(saved.error == nil)
        #expect(history.load() == ["where is my parcel"])
        #expect(FileManager.default.contents(atPath: folder.appendingPathComponent(aside[0]).path) == binary)
    }

    @Test func aHistoryWithoutTheHeaderIsNotParsed() throws {
        try "some other program's file\nline 2\n".write(toFile: path, atomically: true, encoding: .utf8)
        let history = HistoryFile(path: path, limit: 10)
        let saved = history.add("hi")
        #expect(saved.entries == ["hi"])
        #expect(saved.error?.contains("moved to") == true, "\(saved.error ?? "")")
        #expect(try asideFiles().count == 1)
    }

    @Test func aHugeSingleLineHistoryIsNotRead() throws {
        let huge = HistoryFile.header + "\n" + String(repeating: "a", count: HistoryFile.maxFileBytes + 1)
        try huge.write(toFile: path, atomically: false, encoding: .utf8)
        let history = HistoryFile(path: path, limit: 10)
        #expect(history.load() == [])
        #expect(history.takeNotice()?.contains("larger than") == true)
        let aside = try asideFiles()
        #expect(aside.count == 1)
        let size = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(aside[0]).path)[.size] as? Int
        #expect(size == huge.utf8.count)
    }

    @Test func aLineLongerThanAnyEntryMarksTheFileAsNotKefus() {
        let line = String(repeating: "x", count: 8 * HistoryFile.maxEntryLength + 1)
        #expect(HistoryFile.parse(Array((HistoryFile.header + "\nok\n" + line + "\n").utf8)) == nil)
        #expect(HistoryFile.parse(Array((HistoryFile.header + "\nok\na\\nb\n").utf8)) == ["ok", "a\nb"])
    }

    @Test func aLockHeldElsewhereTimesOutWithAMessage() throws {
        let history = HistoryFile(path: path, limit: 10, lockTimeout: 0.05)
        _ = history.add("first")
        // flock locks belong to the open file: a second open conflicts even in one process.
        let other = open(path + ".lock", O_RDWR)
        #expect(other >= 0)
        #expect(flock(other, LOCK_EX) == 0)
        defer { close(other) }
        let saved = history.add("second")
        #expect(saved.error?.contains("history.lock is held by another process") == true, "\(saved.error ?? "")")
        #expect(saved.entries == ["first"])
        flock(other, LOCK_UN)
        #expect(history.add("third").error == nil)
        #expect(history.load() == ["first", "third"])
    }
}
