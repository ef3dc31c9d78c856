import CLibedit
import Foundation

/// The history file: pasted messages and `:` commands, newest last, at most
/// `limit` entries.
///
/// libedit's own `H_SAVE` truncates the file and then writes it: a terminal
/// closed during the save leaves it empty, and two REPLs overwrite each
/// other. So every entry is saved at once like this: under an exclusive
/// `flock` on `history.lock`, with SIGHUP/SIGINT/SIGTERM blocked, the file
/// is read fresh, the entry appended (an older identical entry is dropped),
/// the oldest entries beyond the limit dropped, and the result written to a
/// temporary file in the same folder, flushed to disk and renamed over the
/// old one. A crash at any point leaves either the old or the new file.
///
/// Format: a first line `#kefu-history-v1`, then one entry per line with
/// `\` written `\\` and a line break written `\n`.
///
/// What is on disk is not trusted: a file kefu could not have written (not
/// UTF-8, no header, a NUL byte, a line longer than any entry, larger than
/// `maxFileBytes`) is never parsed lossily and rewritten: it is moved aside
/// byte for byte (`history.unreadable-<time>`) with a notice, and a new
/// history starts. A file that has not changed since it was last read is
/// not read again, and the lock is waited for at most `lockTimeout`.
final class HistoryFile {
    let path: String
    let limit: Int
    static let header = "#kefu-history-v1"
    /// Entries longer than this (a huge paste) are not kept.
    static let maxEntryLength = 16 * 1024
    /// The largest file read: 100,000 entries (the highest `history_size`)
    /// of 80 bytes. A 100 MiB history made every message take 10 s.
    static let maxFileBytes = 8 * 1024 * 1024
    /// How long a save waits for another process's `history.lock`.
    let lockTimeout: Double
    /// Why the file on disk was moved aside, until someone shows it.
    private(set) var notice: String?
    /// The entries as last read, and which version of the file they are.
    private var cache: (stamp: [Int], entries: [String])?

    init(path: String, limit: Int, lockTimeout: Double = 2) {
        self.path = path
        self.limit = max(1, limit)
        self.lockTimeout = lockTimeout
    }

    /// The notice about a moved file, once.
    func takeNotice() -> String? {
        defer { notice = nil }
        return notice
    }

    /// `$XDG_STATE_HOME/kefu/history`, by default `~/.local/state/kefu/history`.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let x = environment["XDG_STATE_HOME"], x.hasPrefix("/") { return x + "/kefu/history" }
        return NSHomeDirectory() + "/.local/state/kefu/history"
    }

    static func escape(_ entry: String) -> String {
        var out = ""
        for c in entry {
            switch c {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    static func unescape(_ line: Substring) -> String {
        var out = ""
        var escaped = false
        for c in line {
            if escaped {
                out.append(c == "n" ? "\n" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// The entries on disk now (empty when there is no file yet, or when
    /// the file was not kefu's and has been moved aside).
    func load() -> [String] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return [] }
        let stamp = [Int(info.st_dev), Int(info.st_ino), Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
        if let cache, cache.stamp == stamp { return cache.entries }
        guard Int(info.st_size) <= Self.maxFileBytes else {
            return moveAside(because: "it is larger than \(Self.maxFileBytes / (1024 * 1024)) MiB")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        guard let entries = Self.parse(bytes) else {
            return moveAside(because: "it is not a kefu history (binary or corrupted)")
        }
        cache = (stamp, entries)
        return entries
    }

    /// The entries of a file kefu wrote, or nil when it is not one.
    static func parse(_ bytes: [UInt8]) -> [String]? {
        guard !bytes.isEmpty else { return [] }
        guard !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) else { return nil }
        var entries: [String] = []
        var first = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if first {
                first = false
                guard line == Self.header[...] else { return nil }
                continue
            }
            // Escaped, an entry is at most twice its length (every character a `\\`).
            guard line.utf8.count <= 2 * 4 * Self.maxEntryLength else { return nil }
            entries.append(Self.unescape(line))
        }
        return entries
    }

    /// Renames the file beside itself, keeping every byte, and starts afresh.
    private func moveAside(because why: String) -> [String] {
        var stamp = time(nil)
        var parts = tm()
        gmtime_r(&stamp, &parts)
        let suffix = String(
            format: "%04d%02d%02d-%02d%02d%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min,
            parts.tm_sec)
        let aside = path + ".unreadable-" + suffix
        if rename(path, aside) == 0 {
            notice = "the history file \(path) was moved to \(aside): \(why); a new history starts"
        } else {
            notice = "the history file \(path) is not used: \(why) (and it could not be moved aside: \(String(cString: strerror(errno))))"
        }
        cache = nil
        return []
    }

    /// Adds `entry` and returns the merged history now on disk (the other
    /// REPLs' entries included). On a write error the history is returned
    /// without touching the file, and `error` says why.
    func add(_ entry: String) -> (entries: [String], error: String?) {
        let entry = entry.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !entry.isEmpty, entry.count <= Self.maxEntryLength else { return (load(), takeNotice()) }
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            return (load(), "cannot create \(folder): \(error.localizedDescription)")
        }
        let lock = open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        if lock >= 0 && !Self.acquire(lock, within: lockTimeout) {
            close(lock)
            return (load(), "history.lock is held by another process (a hung kefu?); this entry was not saved")
        }
        defer { if lock >= 0 { flock(lock, LOCK_UN); close(lock) } }

        var mask = sigset_t()
        kefu_block_termination(&mask)
        defer { kefu_restore_mask(&mask) }

        var entries = load()
        // A file that was not kefu's has just been moved aside: say so.
        let moved = takeNotice()
        entries.removeAll { $0 == entry }
        entries.append(entry)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        var text = Self.header + "\n"
        for e in entries { text += Self.escape(e) + "\n" }

        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return (entries, "cannot write \(temporary): \(String(cString: strerror(errno)))") }
        var ok = true
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    return
                }
                offset += n
            }
        }
        if fsync(fd) != 0 { ok = false }
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temporary)
            return (entries, "cannot save the history to \(path): \(why)")
        }
        // What was just written need not be read back on the next message.
        var info = stat()
        if stat(path, &info) == 0 {
            cache = ([Int(info.st_dev), Int(info.st_ino), Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)], entries)
        }
        return (entries, moved)
    }

    /// An exclusive `flock`, retried every 10 ms until `timeout` seconds have passed.
    static func acquire(_ fd: Int32, within timeout: Double) -> Bool {
        let attempts = max(1, Int(timeout * 100))
        for attempt in 0..<attempts {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
            guard errno == EWOULDBLOCK || errno == EINTR else { return true }  // no locking here: save unlocked, as before
            if attempt + 1 < attempts { usleep(10_000) }
        }
        return false
    }
}
