import Foundation
import Testing

@testable import KefuCore

/// The JSON Lines writer: numbers rounded to three decimals, strings escaped
/// so a record is one inert line, output that any JSON parser reads back.
struct JSONWriterTests {
    @Test(arguments: [
        (0.8534, "0.853"), (0.85, "0.85"), (1.0, "1"), (-0.5, "-0.5"), (0.0004, "0"), (-0.0, "0"),
        (0.001, "0.001"), (12.5, "12.5"), (0.1 + 0.2, "0.3"), (1234567.0405, "1234567.041"),
        (1e16, "1e+16"), (Double.nan, "null"), (Double.infinity, "null"),
    ])
    func numbers(value: Double, expected: String) {
        #expect(JSONWriter.encode(.number(value)) == expected)
    }

    @Test(arguments: [0, 7, 10, 42, 1_000_000, Int.max, -1, Int.min])
    func integers(value: Int) {
        #expect(JSONWriter.encode(.int(value)) == String(value))
    }

    @Test func stringsWithoutEscapesAreCopiedWhole() {
        #expect(JSONWriter.encode(.string("亲 where is 顺丰 SF123")) == "\"亲 where is 顺丰 SF123\"")
    }

    /// The clean-string check reads eight bytes at a time: an escape must be
    /// found wherever it falls in or after a word.
    @Test(arguments: 0..<20)
    func escapeIsFoundAtAnyOffset(offset: Int) {
        for (raw, escaped) in [("\u{1B}", "\\u001b"), ("\"", "\\\""), ("\\", "\\\\"), ("\u{85}", "\\u0085"), ("\u{2028}", "\\u2028")] {
            let text = String(repeating: "a", count: offset) + raw + String(repeating: "b", count: 19 - offset)
            let expected = "\"" + String(repeating: "a", count: offset) + escaped + String(repeating: "b", count: 19 - offset) + "\""
            #expect(JSONWriter.encode(.string(text)) == expected)
        }
    }

    @Test func controlCharactersQuotesAndSeparatorsAreEscaped() throws {
        let hostile = "a\"b\\c\nd\re\tf\u{1B}]52;c;AAAA\u{07}g\u{7F}h\u{85}i\u{9B}j\u{2028}k\u{2029}l é—"
        let line = JSONWriter.encode(.object([("text", .string(hostile))]))
        #expect(line == #"{"text":"a\"b\\c\nd\re\tf\u001b]52;c;AAAA\u0007g\u007fh\u0085i\u009bj\u2028k\u2029l é—"}"#)
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
        #expect(parsed?["text"] == hostile)
    }
}
