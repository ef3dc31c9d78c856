import Foundation
import KefuCore
import Testing

@testable import KefuCommands

/// Mutation fuzzing, with a fixed seed, of what untrusted input meets first:
/// the record reader, the record decoder, input cleaning and the output
/// sanitiser. A few thousand mutated records run in every `swift test`;
/// `KEFU_FUZZ_ITERATIONS=1000000 swift test --filter RecordFuzzTests` is the
/// longer run (`KEFU_FUZZ_SEED` picks another sequence). A failure names the
/// seed and the record, so it can be replayed and kept as a directed test.
@Suite struct RecordFuzzTests {
    static let iterations = ProcessInfo.processInfo.environment["KEFU_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 3000
    static let seed = ProcessInfo.processInfo.environment["KEFU_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x6B65_6675

    /// SplitMix64: small, fast, and the same sequence on every platform.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let corpus: [String] = [
        #"{"id": 1, "text": "where is my parcel"}"#,
        #"{"id": "c-17", "text": "亲，我的快递到哪了？顺丰SF1234567890123", "vars": {"shop": "小鹿", "order_id": 1234567890123456789}}"#,
        #"{"id": 1e-7, "text": "The mug arrived CRACKED\n\t!!!", "vars": {"x": -0.5E+3}}"#,
        #"{"text": "\u001b]52;c;SGk=\u0007 \u202e hi \ud83d\ude00 \"q\" \\ \/"}"#,
        #"{"id": null, "text": "", "vars": null}"#,
        #"[1, [2, [3, {"a": [true, false, null]}]]]"#,
        "您好\u{1B}]我的快递到哪了",
        "plain line \u{1B}[31mred\u{1B}[0m \u{9B}2J \u{9D}0;t\u{9C} end",
    ]

    /// Pieces inserted by mutation: escapes, surrogates, structure, bidi.
    static let fragments: [[UInt8]] =
        [
            #"\u001b]52;c;SGVsbG8=\u0007"#, #"\ud800"#, #"\udc00"#, #"\ud83d\ude00"#, #"\u0000"#, #"\x"#,
            "[[[[[[[[", "]]]]", "{", "}", ",", ",}", ",]", "\"", "\\", ":", "1e400", "-0", "01", "NaN", "true",
            #""id": 2, "#, #""id": 1"#, #""vars": {"k": 1}"#,
            "\u{1B}]52;c;SGk=\u{07}", "\u{1B}[2J", "\u{1B}[", "\u{1B}]", "\u{1B}", "\u{1B}\\", "\u{9B}", "\u{9D}", "\u{9C}",
            "\u{07}", "\u{7F}", "\u{202E}", "\u{200B}", "\u{FEFF}", "\u{2028}", "\r", "\t", "\n", "\r\n", "您好", "😀",
        ].map { Array($0.utf8) } + [[0xFF], [0xC2], [0xE4, 0xBD], [0xED, 0xA0, 0x80], [0x00]]

    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = Int.random(in: 0...bytes.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0, 1: bytes.insert(contentsOf: fragments.randomElement(using: &rng)!, at: at)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, at + Int.random(in: 1...8, using: &rng))
                if at < end { bytes.removeSubrange(at..<end) }
            case 3 where at < bytes.count:
                bytes[at] = UInt8.random(in: 0...255, using: &rng)
            case 4 where at < bytes.count:
                let end = min(bytes.count, at + Int.random(in: 1...16, using: &rng))
                bytes.insert(contentsOf: bytes[at..<end], at: at)
            default:
                bytes = Array(bytes.prefix(at))
            }
        }
        return bytes
    }

    /// Raw hazards in `text`: terminal control and invisible format characters.
    static func hazards(_ text: String, allowing allowed: Set<Unicode.Scalar> = []) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { s in
            guard !allowed.contains(s) else { return false }
            let v = s.value
            return v < 0x20 || (0x7F...0x9F).contains(v) || (0x200B...0x200F).contains(v) || (0x2028...0x202E).contains(v)
                || (0x2066...0x2069).contains(v) || v == 0xFEFF || v == 0x061C
        }
    }

    /// Non-ASCII text characters: what detection reads in a Chinese message,
    /// which no escape sequence may swallow.
    static func text(_ s: String) -> [Unicode.Scalar] {
        s.unicodeScalars.filter { $0.value >= 0xA0 && hazards(String($0)).isEmpty }
    }

    static func mutatedRecords() -> [(Int, [UInt8])] {
        var rng = SplitMix64(state: seed)
        return (0..<iterations).map { i in (i, mutate(Array(corpus[i % corpus.count].utf8), &rng)) }
    }

    @Test func decoderAndSanitiserHoldTheirPromises() throws {
        for (i, bytes) in Self.mutatedRecords() {
            let where_ = "seed \(Self.seed) iteration \(i): \(String(decoding: bytes, as: UTF8.self).debugDescription)"
            for format in [InputFormat.jsonl, .lines] {
                switch RecordDecoder(format: format).decode(InputRecord(number: i + 1, bytes: bytes, oversized: false)) {
                case .failure(let f):
                    #expect(Self.hazards(f.message).isEmpty, "error message not safe: \(f.message.debugDescription), \(where_)")
                    #expect(Self.hazards(JSONWriter.encode(f.id)).isEmpty, "\(where_)")
                case .success(let m):
                    #expect(Self.hazards(JSONWriter.encode(m.id)).isEmpty, "\(where_)")
                    // JSON output is one safe line that reads back as the same text.
                    let line = JSONWriter.encode(.string(m.text))
                    #expect(Self.hazards(line).isEmpty, "\(where_)")
                    let back = try? StrictJSONParser.parse(Array(line.utf8))
                    #expect(back?.value == .string(m.text) && back?.loneSurrogates == [], "round trip, \(where_)")
                    try checkText(m.text, where_)
                    for (k, v) in m.variables { try checkText(k + v, where_) }
                }
            }
        }
    }

    func checkText(_ text: String, _ where_: String) throws {
        let shown = OutputSanitizer.visible(text, lineBreaks: .show)
        #expect(Self.hazards(shown).isEmpty, "\(where_)")
        #expect(OutputSanitizer.visible(shown, lineBreaks: .show) == shown, "idempotent, \(where_)")
        #expect(Self.hazards(OutputSanitizer.visible(text), allowing: ["\n", "\t"]).isEmpty, "\(where_)")
        let clean = ControlSequences.strip(text)
        #expect(Self.hazards(clean, allowing: ["\n"]).isEmpty, "\(where_)")
        #expect(ControlSequences.strip(clean) == clean, "idempotent, \(where_)")
        // Sequences are printable ASCII: they never swallow the buyer's words.
        #expect(Self.text(clean) == Self.text(text), "text lost, \(where_)")
    }

    /// The reader splits any byte stream into the records a line split
    /// gives, the limit exact, whatever the reads look like.
    @Test func readerAgreesWithASimpleLineSplit() throws {
        let limit = 200
        let records = Self.mutatedRecords()
        for batch in stride(from: 0, to: records.count, by: 500) {
            var data: [UInt8] = []
            for (_, r) in records[batch..<min(records.count, batch + 500)] {
                data += r + [0x0A]
                // Now and then a line far over the limit.
                if r.count % 7 == 0 { data += [UInt8](repeating: UInt8(ascii: "x"), count: limit + r.count % 3) + [0x0A] }
            }
            data.removeLast(Int(batch % 2))  // sometimes no final newline
            var expected: [(bytes: [UInt8], oversized: Bool)] = []
            var pieces = data.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            if pieces.last?.isEmpty == true { pieces.removeLast() }
            for var p in pieces {
                if p.last == 0x0D { p.removeLast() }
                if p.count > limit { expected.append(([], true)); continue }
                if p.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                expected.append((p, false))
            }
            let got = try RecordsOfBytes.read(data, limit: limit).map { (bytes: $0.bytes, oversized: $0.oversized) }
            #expect(got.count == expected.count, "seed \(Self.seed) batch \(batch)")
            for (g, e) in zip(got, expected) where g.bytes != e.bytes || g.oversized != e.oversized {
                Issue.record("seed \(Self.seed) batch \(batch): got \(g), expected \(e)")
                break
            }
        }
    }
}
