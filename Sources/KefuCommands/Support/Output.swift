import Foundation
import Synchronization

/// Writes to standard output with one `write(2)` per call, so every record
/// reaches a reading pipe as soon as it is produced.
enum StandardOutput {
    /// Set when the reader has gone away (EPIPE): stop producing.
    static let readerGone = Atomic<Bool>(false)
    static var closed: Bool { readerGone.load(ordering: .relaxed) }

    static func write(_ text: String) {
        var t = text
        t.withUTF8 { write($0) }
    }

    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    private static func write(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard !closed, let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let n = Foundation.write(1, base + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                readerGone.store(true, ordering: .relaxed)
                return
            }
            offset += n
        }
    }
}
