/// A minimal JSON writer that emits keys in the order given: kefu's JSON Lines
/// output has a stable, documented key order, and writing it directly is
/// several times faster than `JSONEncoder` on the per-message path.
public struct JSONWriter {
    /// UTF-8 bytes: appending a string's bytes is a copy, appending to a
    /// `String` scalar by scalar is not.
    private var bytes: [UInt8] = []

    public var output: String { String(decoding: bytes, as: UTF8.self) }

    public init() { bytes.reserveCapacity(2048) }

    public enum Value: Sendable {
        case string(String)
        case number(Double)
        case int(Int)
        case bool(Bool)
        case null
        case array([Value])
        case object([(String, Value)])
    }

    public static func encode(_ value: Value) -> String {
        var w = JSONWriter()
        w.write(value)
        return w.output
    }

    public mutating func write(_ value: Value) {
        switch value {
        case .string(let s): writeString(s)
        case .number(let d):
            if d.isFinite {
                let rounded = (d * 1000).rounded() / 1000
                raw(rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded))
            } else { raw("null") }
        case .int(let i): raw(String(i))
        case .bool(let b): raw(b ? "true" : "false")
        case .null: raw("null")
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let pairs):
            bytes.append(UInt8(ascii: "{"))
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(k)
                bytes.append(UInt8(ascii: ":"))
                write(v)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Escapes quotes, backslashes and every control character (C0, DEL, C1,
    /// line and paragraph separators): the output is one line and safe to
    /// print. Works on UTF-8 bytes, copying the runs between escapes whole.
    private mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = Array(s.utf8)
        var runStart = 0
        var i = 0
        func flush(to end: Int) {
            if end > runStart { bytes.append(contentsOf: utf8[runStart..<end]) }
        }
        while i < utf8.count {
            let b = utf8[i]
            var escape: String? = nil
            var width = 1
            switch b {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x00..<0x20, 0x7F: escape = Self.unicodeEscape(UInt32(b))
            case 0xC2 where i + 1 < utf8.count && (0x80...0x9F).contains(utf8[i + 1]):
                escape = Self.unicodeEscape(UInt32(utf8[i + 1])); width = 2
            case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                escape = Self.unicodeEscape(utf8[i + 2] == 0xA8 ? 0x2028 : 0x2029); width = 3
            default: break
            }
            if let escape {
                flush(to: i)
                bytes.append(contentsOf: escape.utf8)
                i += width
                runStart = i
            } else {
                i += 1
            }
        }
        flush(to: utf8.count)
        bytes.append(UInt8(ascii: "\""))
    }

    private static func unicodeEscape(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
