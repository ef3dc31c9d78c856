import Foundation
import KefuCore
import Synchronization

/// Writes to standard output with one `write(2)` per call, so every record
/// reaches a reading pipe as soon as it is produced. Text passes the output
/// sanitiser here, the one way text reaches stdout; JSON bytes arrive
/// escaped already (`JSONWriter`).
///
/// A failed write (a full disk, a closed descriptor, a reader gone) is
/// remembered: the command stops producing, and `KefuCommand` reports it and
/// exits non-zero instead of pretending the output was written.
enum StandardOutput {
    /// `errno` of the first write that failed, 0 while all went well.
    static let failure = Atomic<Int32>(0)
    static var closed: Bool { failure.load(ordering: .relaxed) != 0 }

    /// Text, made visible (`OutputSanitizer`): line breaks and tabs stay.
    static func write(_ text: String) {
        var t = OutputSanitizer.visible(text)
        t.withUTF8 { write($0) }
    }

    /// `print`, through the sanitiser and the same descriptor as `write`
    /// (Foundation's buffered `print` would reorder output around direct
    /// writes and lose its errors at exit).
    static func print(_ text: String = "", terminator: String = "\n") {
        write(text + terminator)
    }

    /// Bytes already safe to print: escaped JSON, or text that went through
    /// `OutputSanitizer`.
    static func write(safe bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    private static func write(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard !closed, let base = buffer.baseAddress else { return }
        OrderlyTermination.beginWrite()
        defer { OrderlyTermination.endWrite() }
        var offset = 0
        while offset < buffer.count {
            let n = Foundation.write(1, base + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                failure.store(errno, ordering: .relaxed)
                return
            }
            offset += n
        }
    }

    /// Why output could not be written, for the final message; nil when it
    /// was, or when the reader merely went away (`kefu suggest | head`,
    /// which is no news to whoever closed the pipe).
    static var failureReport: String? {
        let code = failure.load(ordering: .relaxed)
        guard code != 0, code != EPIPE else { return nil }
        return "kefu: cannot write to standard output: \(String(cString: strerror(code)))"
    }
}

/// Standard error: warnings and error messages, every one through the
/// output sanitiser (they quote file names, keys, ids and values).
struct StandardError {
    func write(_ text: String) {
        var t = OutputSanitizer.visible(text)
        t.withUTF8 { buffer in
            guard var base = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let n = Foundation.write(2, base, left)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                base += n
                left -= n
            }
        }
    }
}
