import Foundation
import Synchronization

/// Writes to standard output with one `write(2)` per call, so every record
/// reaches a reading pipe as soon as it is produced.
enum StandardOutput {
    /// Set when the reader has gone away (EPIPE): stop producing.
    static let readerGone = Atomic<Bool>(false)
    static var closed: Bool { readerGone.load(ordering: .relaxed) }

    static func write(_ text: String) {
        guard !closed else { return }
        var t = text
        t.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    readerGone.store(true, ordering: .relaxed)
                    return
                }
                offset += n
            }
        }
    }
}
