import Foundation
import Testing

@testable import KefuCore

/// The one output sanitiser: every control and format character is shown,
/// nothing else changes.
@Suite struct OutputSanitizerTests {
    @Test func escapeSequencesAndC0AreShownInCaretNotation() {
        #expect(OutputSanitizer.visible("a\u{1B}]52;c;SGVsbG8=\u{07}b") == "a^[]52;c;SGVsbG8=^Gb")
        #expect(OutputSanitizer.visible("\u{1B}[2J\u{7F}\u{00}\u{08}") == "^[[2J^?^@^H")
    }

    @Test func c1AndFormatCharactersAreShownByCodePoint() {
        #expect(OutputSanitizer.visible("x\u{9B}2J") == "x<U+009B>2J")
        #expect(OutputSanitizer.visible("abc\u{202E}def") == "abc<U+202E>def")
        #expect(
            OutputSanitizer.visible("a\u{200B}b\u{FEFF}c\u{061C}d\u{2066}e\u{2028}f") == "a<U+200B>b<U+FEFF>c<U+061C>d<U+2066>e<U+2028>f")
    }

    @Test func lineBreaksStayInMultiLineTextAndShowOnOneLine() {
        #expect(OutputSanitizer.visible("第一行\n\tsecond\r") == "第一行\n\tsecond^M")
        #expect(OutputSanitizer.visible("a\nb\tc", lineBreaks: .show) == "a^Jb^Ic")
    }

    @Test func ordinaryTextIsUntouched() {
        for text in ["亲，您的包裹已发出～", "“quoted” — é ü 😀 ，。！？", "⟨order_id⟩", ""] {
            #expect(OutputSanitizer.visible(text) == text)
        }
    }

    @Test func showingIsIdempotent() {
        let once = OutputSanitizer.visible("\u{1B}]0;t\u{07}\u{202E}", lineBreaks: .show)
        #expect(OutputSanitizer.visible(once, lineBreaks: .show) == once)
    }
}

/// Input cleaning (`ControlSequences.strip`): a malformed or unterminated
/// sequence drops only itself, and the text after it is still read.
@Suite struct MalformedSequenceTests {
    @Test func unterminatedOSCKeepsTheTextAfterIt() {
        #expect(ControlSequences.strip("您好\u{1B}]我的快递到哪了") == "您好我的快递到哪了")
        #expect(ControlSequences.strip("您好\u{9D}我的快递到哪了") == "您好我的快递到哪了")
        #expect(ControlSequences.strip("a\u{1B}]52;c;QUJD\nwhere is it") == "a\nwhere is it")
    }

    @Test func csiBeforeChineseDropsOnlyItself() {
        #expect(ControlSequences.strip("\u{1B}[快递到哪了") == "快递到哪了")
        #expect(ControlSequences.strip("\u{1B}[31快递") == "快递")
        #expect(ControlSequences.strip("\u{9B}快递") == "快递")
        #expect(ControlSequences.strip("\u{1B}(快递") == "快递")
        #expect(ControlSequences.strip("\u{1B}\n快递") == "\n快递")
    }

    @Test func anEscapeInsideAStringEndsIt() {
        #expect(ControlSequences.strip("a\u{1B}]0;t\u{1B}[31mb") == "ab")
    }

    @Test func formatCharactersAreDroppedFromInput() {
        #expect(ControlSequences.strip("SF\u{200B}123\u{202E}456\u{FEFF}") == "SF123456")
    }

    @Test func malformedSequencesDoNotHideTheIntent() {
        let normalizer = TextNormalizer()
        let t = normalizer.normalize("您好\u{1B}]我的快递到哪了")
        #expect(t.folded.contains("快递到哪"))
        #expect(normalizer.normalize("\u{1B}[快递到哪了").folded.contains("快递到哪"))
    }
}

/// JSON escapes what the terminal sanitiser shows: bidi and zero-width
/// characters too.
@Suite struct JSONFormatCharacterTests {
    @Test(arguments: [
        ("\u{202E}", "\\u202e"), ("\u{202A}", "\\u202a"), ("\u{200B}", "\\u200b"), ("\u{200F}", "\\u200f"),
        ("\u{2066}", "\\u2066"), ("\u{2069}", "\\u2069"), ("\u{FEFF}", "\\ufeff"), ("\u{061C}", "\\u061c"),
    ])
    func formatCharactersAreEscaped(raw: String, escaped: String) throws {
        for offset in [0, 3, 7, 9] {
            let text = String(repeating: "a", count: offset) + raw + "，。！“引号”"
            let line = JSONWriter.encode(.string(text))
            #expect(line == "\"" + String(repeating: "a", count: offset) + escaped + "，。！“引号”\"")
            let back = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed]) as? String
            #expect(back == text)
        }
    }

    @Test func neighboursOfFormatCharactersAreNotEscaped() {
        // Same lead bytes, other characters: “ ” — ， ؛ U+2065 stay as they are.
        let text = "“a” — b ， c ؛ d \u{2010} \u{2070}"
        #expect(JSONWriter.encode(.string(text)) == "\"" + text + "\"")
    }

    @Test func numbersAsWrittenAreEchoedVerbatim() {
        #expect(JSONWriter.encode(.numberText("1234567890123456789")) == "1234567890123456789")
        #expect(JSONWriter.encode(.object([("id", .numberText("1e-7"))])) == #"{"id":1e-7}"#)
    }

    /// An attribute named `value` or `kind` must not duplicate the entity's
    /// own keys (issue 10): attributes have an object of their own.
    @Test func entityAttributesAreNested() throws {
        var w = JSONWriter()
        let entity = Entity(
            kind: .trackingNumber, value: "SF1234567890123", attributes: ["carrier": "SF Express", "value": "x", "kind": "y"])
        SuggestionJSON.entity(entity, &w)
        #expect(
            w.output == #"{"kind":"tracking_no","value":"SF1234567890123","attributes":{"carrier":"SF Express","kind":"y","value":"x"}}"#)
    }
}
