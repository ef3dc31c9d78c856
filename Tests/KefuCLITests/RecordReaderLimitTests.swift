import Foundation
import Testing

@testable import KefuCommands

/// The 1 MiB record limit is exact: a record of exactly 1 MiB passes and one
/// byte more is an error record, wherever the reads split the input.
@Suite struct RecordReaderLimitTests {
    static let limit = RecordReader.maxRecordBytes

    /// Reads every record of `data` (reads split it at fixed 64 KiB
    /// boundaries, which the leading lines shift around).
    static func records(_ data: [UInt8], format: InputFormat = .jsonl) throws -> [InputRecord] {
        try RecordsOfBytes.read(data, format: format)
    }

    static func record(_ size: Int) -> [UInt8] { [UInt8](repeating: UInt8(ascii: "a"), count: size) }

    /// Leading lines that move the big record across read boundaries.
    @Test(arguments: [0, 1, 65_535, 100_000])
    func exactlyTheLimitPassesAndOneMoreByteDoesNot(lead: Int) throws {
        for (terminator, final) in [([UInt8(0x0A)], true), ([0x0D, 0x0A], true), ([], false)] {
            let prefix: [UInt8] = lead == 0 ? [] : Self.record(lead) + [0x0A]
            let fits = try Self.records(prefix + Self.record(Self.limit) + terminator + Array("next\n".utf8).prefix(final ? 5 : 0))
            #expect(fits.map(\.oversized) == (lead == 0 ? [] : [false]) + [false] + (final ? [false] : []), "lead \(lead) \(terminator)")
            #expect(fits.dropFirst(lead == 0 ? 0 : 1).first?.bytes.count == Self.limit)
            let over = try Self.records(prefix + Self.record(Self.limit + 1) + terminator + Array("next\n".utf8).prefix(final ? 5 : 0))
            #expect(over.map(\.oversized) == (lead == 0 ? [] : [false]) + [true] + (final ? [false] : []), "lead \(lead) \(terminator)")
            if final { #expect(over.last?.bytes == Array("next".utf8)) }
        }
    }

    @Test func blocksCountTheirLineBreaksExactly() throws {
        let half = Self.limit / 2
        // Two lines joined by one newline: exactly the limit.
        let fits = try Self.records(
            Self.record(half) + [0x0A] + Self.record(Self.limit - half - 1) + Array("\n\nnext\n".utf8), format: .blocks)
        #expect(fits.map(\.oversized) == [false, false])
        #expect(fits.first?.bytes.count == Self.limit)
        let over = try Self.records(Self.record(half) + [0x0A] + Self.record(Self.limit - half) + Array("\n\nnext\n".utf8), format: .blocks)
        #expect(over.map(\.oversized) == [true, false])
    }
}
