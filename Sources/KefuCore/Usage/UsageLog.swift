import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends usage records to `usage.jsonl` in its folder, rotating it when
/// it outgrows its bound.
///
/// Every record is one `write(2)` on a descriptor opened with `O_APPEND`:
/// the kernel positions and writes it whole, so two REPLs appending at once
/// never interleave or overwrite each other's lines (a record is bounded
/// by `recordLimit`, far below what a regular-file write could split), and
/// a record is in the file the moment `append` returns: a terminal killed
/// afterwards loses nothing. The file is opened per record, so a REPL whose
/// log was rotated by another one writes to the new file.
///
/// Rotation: past `fileLimit` bytes the file is renamed to
/// `usage-<UTC time>-<pid>-<sequence>.jsonl` under an exclusive lock (`.lock`), after
/// checking again that no other process rotated it first; the oldest
/// rotated files beyond `keptFiles` are deleted. A writer that opened the
/// file before the rename finishes its record in the rotated file, whole.
package struct UsageLog: Sendable {
    package let directory: String
    package var fileLimit: Int
    package var keptFiles: Int
    /// A record longer than this has its text shortened (then dropped).
    package static let recordLimit = 8 * 1024

    package init(directory: String, fileLimit: Int = 4 << 20, keptFiles: Int = 8) {
        self.directory = directory
        self.fileLimit = fileLimit
        self.keptFiles = keptFiles
    }

    package var currentPath: String { directory + "/usage.jsonl" }

    /// Appends one record. Errors are returned, not thrown: the REPL says
    /// so once and goes on answering.
    @discardableResult
    package func append(_ record: UsageRecord) -> String? {
        var data = record.line()
        if data.count > Self.recordLimit {
            var shorter = record
            shorter.text = shorter.text.map { String($0.prefix(500)) + "…" }
            data = shorter.line()
            if data.count > Self.recordLimit {
                shorter.text = nil
                shorter.drafts = shorter.drafts.map { Array($0.prefix(20)) }
                data = shorter.line()
            }
        }
        do {
            try PrivateFiles.makeDirectory(directory)
        } catch {
            return "\(error)"
        }
        let fd = open(currentPath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return "cannot open \(currentPath): \(String(cString: strerror(errno)))" }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return "\(currentPath) is not a regular file" }
        // A log made wider by someone else is narrowed back to its owner.
        if info.st_mode & 0o077 != 0 { fchmod(fd, 0o600) }
        let written: Int = data.withUnsafeBytes { raw in
            while true {
                let n = write(fd, raw.baseAddress!, raw.count)
                if n < 0, errno == EINTR { continue }
                return n
            }
        }
        guard written == data.count else { return "cannot write \(currentPath): \(String(cString: strerror(errno)))" }
        if Int(info.st_size) + written > fileLimit { rotate() }
        return nil
    }

    /// Renames the full file aside and deletes the oldest rotated ones.
    func rotate() {
        _ = try? PrivateFiles.withLock(directory + "/.lock") {
            var info = stat()
            guard stat(currentPath, &info) == 0, Int(info.st_size) > fileLimit else { return }
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "UTC")
            f.dateFormat = "yyyyMMdd'T'HHmmss.SSS"
            // Never over an earlier rotated file (two rotations in one
            // millisecond): a sequence number, of fixed width so that
            // names still sort by age.
            let stem = directory + "/usage-\(f.string(from: Date()))-\(getpid())-"
            var n = 0
            func name(_ n: Int) -> String { stem + String(String(n + 1000).dropFirst()) + ".jsonl" }
            while FileManager.default.fileExists(atPath: name(n)) { n += 1 }
            let rotated = name(n)
            rename(currentPath, rotated)
            let old = rotatedFiles()
            for path in old.dropLast(keptFiles) { unlink(path) }
        }
    }

    /// Rotated files, oldest first (their names sort by time).
    package func rotatedFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasPrefix("usage-") && $0.hasSuffix(".jsonl") }.sorted().map { directory + "/" + $0 }
    }

    /// Every file of the log, oldest first, the current one last.
    package func allFiles() -> [String] {
        rotatedFiles() + (FileManager.default.fileExists(atPath: currentPath) ? [currentPath] : [])
    }
}
