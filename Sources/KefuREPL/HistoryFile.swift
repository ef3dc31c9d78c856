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
final class HistoryFile {
    let path: String
    let limit: Int
    static let header = "#kefu-history-v1"
    /// Entries longer than this (a huge paste) are not kept.
    static let maxEntryLength = 16 * 1024

    init(path: String, limit: Int) {
        self.path = path
        self.limit = max(1, limit)
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

    /// The entries on disk now (empty when there is no file yet).
    func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        var entries: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line == Self.header[...] { continue }
            entries.append(Self.unescape(line))
        }
        return entries
    }

    /// Adds `entry` and returns the merged history now on disk (the other
    /// REPLs' entries included). On a write error the history is returned
    /// without touching the file, and `error` says why.
    func add(_ entry: String) -> (entries: [String], error: String?) {
        let entry = entry.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !entry.isEmpty, entry.count <= Self.maxEntryLength else { return (load(), nil) }
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            return (load(), "cannot create \(folder): \(error.localizedDescription)")
        }
        let lock = open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        if lock >= 0 {
            while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
        }
        defer { if lock >= 0 { flock(lock, LOCK_UN); close(lock) } }

        var mask = sigset_t()
        kefu_block_termination(&mask)
        defer { kefu_restore_mask(&mask) }

        let setAside = setAsideIfUnreadable()
        var entries = load()
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
        return (entries, setAside)
    }

    /// A history that is not UTF-8 text (binary, corrupted, another
    /// program's file) would be rewritten with U+FFFD in place of every byte
    /// kefu cannot read. Its bytes are kept instead: it is renamed to
    /// `history.unreadable-<time>` and a new history begun. Returns what to
    /// tell the agent, or nil when the file is fine (or absent).
    func setAsideIfUnreadable() -> String? {
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return nil }
        let readable = !data.contains(0) && String(validating: data, as: UTF8.self) != nil
        guard !readable else { return nil }
        let aside = path + ".unreadable-\(Int(Date().timeIntervalSince1970))"
        guard rename(path, aside) == 0 else {
            return "\(path) is not a text history and could not be moved aside (\(String(cString: strerror(errno))))"
        }
        return "\(path) was not a text history: kept it as \(aside) and started a new one"
    }
}
