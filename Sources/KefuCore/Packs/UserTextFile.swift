import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file a user wrote (a pack, config.yaml, shop.yaml) without
/// trusting what is at the path: a FIFO would block a plain read forever, a
/// folder or an unreadable file is not "missing", and a huge file is refused
/// before it is read. The file is opened once, non-blocking, and checked on
/// the descriptor, so what is checked is what is read.
package enum UserTextFile {
    /// The largest pack or configuration file kefu reads. A 50 MB pack
    /// (150,000 snippets) took 6.5 s and 718 MB to load; 10 MB is 30,000
    /// snippets, far past any shop's library, and loads in about a second.
    package static let sizeLimit = 10 * 1024 * 1024

    package enum Outcome: Equatable {
        case text(String)
        /// Nothing at the path (a dangling symlink included).
        case missing
        /// Something is there but cannot be used; `line`/`column` point at
        /// invalid UTF-8, 1:1 otherwise.
        case problem(String, line: Int, column: Int)
    }

    package static func load(_ path: String, limit: Int = sizeLimit) -> Outcome {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: return .missing
            case ELOOP: return .problem("cannot read the file: too many levels of symbolic links (a symlink loop?)", line: 1, column: 1)
            case EACCES: return .problem("cannot read the file: permission denied", line: 1, column: 1)
            case let code: return .problem("cannot read the file: \(String(cString: strerror(code)))", line: 1, column: 1)
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            return .problem("cannot read the file: \(String(cString: strerror(errno)))", line: 1, column: 1)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .problem("is a folder, not a file", line: 1, column: 1)
        case S_IFIFO: return .problem("is a named pipe (FIFO), not a file", line: 1, column: 1)
        default: return .problem("is not a regular file", line: 1, column: 1)
        }
        let size = Int(info.st_size)
        guard size <= limit else {
            return .problem(
                "the file is \(megabytes(size)); the limit is \(megabytes(limit)) (split it into several files)", line: 1, column: 1)
        }
        // Regular files do not block; O_NONBLOCK only mattered for opening.
        _ = fcntl(fd, F_SETFL, 0)
        var bytes = [UInt8](repeating: 0, count: size)
        var count = 0
        while count < size {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, size - count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return .problem("cannot read the file: \(String(cString: strerror(errno)))", line: 1, column: 1) }
            if n == 0 { break }  // shrank while being read
            count += n
        }
        bytes.removeSubrange(count...)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let data = Data(bytes)
            let offset = UTF8Validation.firstInvalidOffset(in: data) ?? 0
            let (line, column) = UTF8Validation.lineColumn(ofByte: offset, in: data)
            return .problem("the file is not valid UTF-8 (byte \(offset))", line: line, column: column)
        }
        return .text(text)
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes % (1024 * 1024) == 0 ? "\(bytes / (1024 * 1024)) MB" : String(format: "%.1f MB", Double(bytes) / (1024 * 1024))
    }
}
