import Foundation
import KefuTestSupport

@testable import KefuCommands

/// What `RecordReader` makes of a byte stream, read from a file as kefu reads
/// standard input (reads split it at fixed 64 KiB boundaries).
enum RecordsOfBytes {
    static func read(_ data: [UInt8], format: InputFormat = .jsonl, limit: Int = RecordReader.maxRecordBytes) throws -> [InputRecord] {
        let sandbox = try Sandbox()
        let path = try sandbox.write("input", Data(data))
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        var reader = RecordReader(fd: fd, format: format, limit: limit)
        var out: [InputRecord] = []
        while let r = reader.next() { out.append(r) }
        return out
    }
}
