import Foundation
import KefuCore
import Testing

@testable import KefuCommands

/// `kefu suggest --input jsonl` records: strict JSON, numbers as written,
/// lone surrogates and deep nesting reported with the record's id kept.
@Suite struct RecordDecodingTests {
    let decoder = RecordDecoder(format: .jsonl)

    func decode(_ json: String, number: Int = 7) -> Result<RecordDecoder.Message, RecordDecoder.Failure> {
        decoder.decode(InputRecord(number: number, bytes: Array(json.utf8), oversized: false))
    }

    func failure(_ json: String) -> RecordDecoder.Failure? {
        if case .failure(let f) = decode(json) { return f }
        return nil
    }

    func encoded(_ id: JSONWriter.Value) -> String { JSONWriter.encode(id) }

    @Test(arguments: ["1234567890123456789", "1e-7", "-0.5E+3", "2.50", "0", "1e400", "-0"])
    func numericIDsAreKeptAsWritten(id: String) throws {
        let message = try decode(#"{"id": \#(id), "text": "hi"}"#).get()
        #expect(encoded(message.id) == id)
    }

    @Test func numericVarsAreTheirOwnText() throws {
        let message = try decode(#"{"text": "hi", "vars": {"order_id": 1234567890123456789, "x": 1e-7, "n": 12}}"#).get()
        #expect(message.variables == ["order_id": "1234567890123456789", "x": "1e-7", "n": "12"])
    }

    @Test func aLoneSurrogateKeepsTheIdAndSaysWhere() throws {
        let f = try #require(failure(#"{"id": "c-9", "text": "hi \ud800 there"}"#))
        #expect(encoded(f.id) == #""c-9""#)
        #expect(
            f.message == #"record 7: text holds a lone surrogate \ud800, which is not a character (a UTF-16 surrogate must come in a pair)"#
        )
        let inVars = try #require(failure(#"{"id": 12, "text": "hi", "vars": {"shop": "\udc00x"}}"#))
        #expect(encoded(inVars.id) == "12")
        #expect(inVars.message.contains("vars.shop holds a lone surrogate \\udc00"))
        // A high surrogate followed by something other than a low one.
        let unpaired = try #require(failure(#"{"id": 1, "text": "\ud83d\u0041"}"#))
        #expect(unpaired.message.contains("\\ud83d"))
        // In the id itself: the record number stands in.
        let inID = try #require(failure(#"{"id": "\ud800", "text": "hi"}"#))
        #expect(encoded(inID.id) == "7")
    }

    @Test func surrogatePairsAndEscapesDecode() throws {
        let message = try decode(#"{"text": "\ud83d\ude00 \u4f60\u597d \"q\" \\ \/ \n\t"}"#).get()
        #expect(message.text == "😀 你好 \"q\" \\ / \n\t")
    }

    @Test(arguments: [
        (#"{"id": 1, "id": 2, "text": "a"}"#, "duplicate key \"id\" (byte 11)"),
        (#"{"text": "a", "vars": {"x": "1", "x": "2"}}"#, "duplicate key \"x\""),
        (#"{"id": 1, "text": "a",}"#, "no trailing commas"),
        (#"{"text": "a", "vars": {"list": [1, 2,]}}"#, "no trailing commas"),
        (#"{"text": "a"} x"#, "unexpected text after the value"),
        (#"{"text": 'a'}"#, "unexpected"),
        (#"{"id": 01, "text": "a"}"#, "cannot start with 0"),
        (#"{"id": NaN, "text": "a"}"#, "expected a value"),
        (#"{"id": 1. , "text": "a"}"#, "digits after '.'"),
        ("{\"text\": \"a\tb\"}", "control character U+0009 in a string must be escaped"),
        (#"{"text": "a\x"}"#, "unknown escape"),
        (#"{"text": "a"#, "unterminated string"),
        (#"// c"#, "expected a value"),
    ])
    func strictJSONIsRequired(json: String, reason: String) throws {
        let f = try #require(failure(json), "accepted: \(json)")
        #expect(f.message.hasPrefix("record 7 is not valid JSON: "), "\(f.message)")
        #expect(f.message.contains(reason), "\(f.message)")
        #expect(encoded(f.id) == "7")
    }

    @Test func nestingIsBoundedAt64Levels() throws {
        func nested(_ depth: Int) -> String {
            // The record object is level 1, then `depth - 1` arrays.
            #"{"text": "a", "extra": "# + String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1) + "}"
        }
        // 64 levels parse (and fail later, for the unknown key); 65 do not.
        #expect(failure(nested(64))?.message.contains("unknown key") == true)
        #expect(failure(nested(65))?.message.contains("nested deeper than 64 levels") == true)
        // A 1 MiB record of nothing but brackets stops at level 65.
        let deep = String(repeating: "[", count: 1 << 20)
        let f = try #require(failure(deep))
        #expect(f.message == "record 7 is not valid JSON: nested deeper than 64 levels (byte 65)")
    }

    @Test func keysInMessagesAreShownNotPrinted() throws {
        let f = try #require(failure(#"{"text": "a", "\u001b]52;c;SGk=\u0007\u202e": 1}"#))
        #expect(f.message == #"record 7: unknown key "^[]52;c;SGk=^G<U+202E>" (expected id, text, vars, thread)"#)
        let v = try #require(failure(#"{"text": "a", "vars": {"\u001b[2J": []}}"#))
        #expect(v.message == "record 7: vars.^[[2J must be a string or a number")
        let d = try #require(failure(#"{"\u009b": 1, "\u009b": 2}"#))
        #expect(d.message.contains(#"duplicate key "<U+009B>""#))
    }
}
