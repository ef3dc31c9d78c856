import Foundation

/// Splits standard input into records without ever holding more than the
/// size limit of one record (and one read): an endless line without a
/// newline yields an "oversized" record once the limit is passed, and the
/// rest of that line is skipped as it streams by. Reads with `read(2)` so
/// each record is handled the moment its newline arrives.
///
/// The limit is exact and counts a record's own bytes (without its LF or
/// CRLF): `limit` bytes pass, `limit + 1` are an oversized record, wherever
/// the reads happen to split the input.
struct RecordReader {
    static let maxRecordBytes = 1 << 20

    private let fd: Int32
    private let format: InputFormat
    private let limit: Int
    private var buffer: [UInt8] = []
    /// Where unread bytes start in `buffer`: lines are sliced off by moving it,
    /// and the buffer is compacted only when refilled.
    private var start = 0
    private var chunk = [UInt8](repeating: 0, count: 65536)
    private var eof = false
    private var lineNumber = 0
    private var blockNumber = 0
    private var skippingOversized = false

    init(fd: Int32 = 0, format: InputFormat, limit: Int = RecordReader.maxRecordBytes) {
        self.fd = fd
        self.format = format
        self.limit = limit
    }

    /// Whether the next record is already read in whole (or input has
    /// ended), so that `next()` will not wait on the writer: output is
    /// flushed when it is false.
    /// When unsure it says false: flushing early is always safe, holding
    /// output back while `next()` waits is not.
    var hasRecordReady: Bool {
        if eof { return true }
        if skippingOversized { return false }
        // A line with text and its newline is a record (lines, jsonl); for
        // blocks, a blank line (spaces and tabs allowed) must follow the text.
        var sawText = false, lineHasText = false
        for b in buffer[start...] {
            if b == 0x0A {
                switch format {
                case .lines, .jsonl: if lineHasText { return true }
                case .blocks: if sawText && !lineHasText { return true }
                }
                lineHasText = false
            } else if b != 0x20 && b != 0x09 && b != 0x0D {
                lineHasText = true
                sawText = true
            }
        }
        return false
    }

    mutating func next() -> InputRecord? {
        switch format {
        case .lines, .jsonl:
            while let line = nextLine() {
                if line.oversized { return line }
                if line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                return line
            }
            return nil
        case .blocks:
            var block: [UInt8] = []
            var oversized = false
            while let line = nextLine() {
                let blank = line.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
                if blank && !line.oversized {
                    if block.isEmpty && !oversized { continue }
                    break
                }
                if line.oversized || (block.isEmpty ? 0 : block.count + 1) + line.bytes.count > limit {
                    oversized = true
                    continue
                }
                if !block.isEmpty { block.append(0x0A) }
                block += line.bytes
            }
            if block.isEmpty && !oversized { return nil }
            blockNumber += 1
            return InputRecord(number: blockNumber, bytes: oversized ? [] : block, oversized: oversized)
        }
    }

    /// The next line without its terminator (LF or CRLF).
    private mutating func nextLine() -> InputRecord? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                var line = Array(buffer[start..<nl])
                start = nl + 1
                if line.last == 0x0D { line.removeLast() }
                lineNumber += 1
                if skippingOversized {
                    skippingOversized = false
                    continue  // the tail of a line already reported
                }
                if line.count > limit { return InputRecord(number: lineNumber, bytes: [], oversized: true) }
                return InputRecord(number: lineNumber, bytes: line, oversized: false)
            }
            // One byte of slack: a line of exactly `limit` bytes may be
            // waiting for the LF of its CRLF.
            if buffer.count - start > limit + 1 {
                buffer.removeAll(keepingCapacity: true)
                start = 0
                if !skippingOversized {
                    skippingOversized = true
                    return InputRecord(number: lineNumber + 1, bytes: [], oversized: true)
                }
            }
            if eof {
                guard start < buffer.count else { return nil }
                var line = Array(buffer[start...])
                buffer.removeAll()
                start = 0
                if line.last == 0x0D { line.removeLast() }
                lineNumber += 1
                if skippingOversized { skippingOversized = false; return nil }
                return InputRecord(number: lineNumber, bytes: line.count > limit ? [] : line, oversized: line.count > limit)
            }
            if start > 0 {
                buffer.removeSubrange(..<start)
                start = 0
            }
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { eof = true; continue }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }
}
