import KefuCore

/// Reads one JSON text the way RFC 8259 writes it, and nothing looser:
/// duplicate keys, trailing commas, comments, raw control characters in
/// strings, leading zeros, `NaN` are errors with the byte they occur at.
///
/// Written for `kefu suggest`'s records rather than borrowed from
/// `JSONDecoder`, which on Linux accepted duplicate keys and trailing
/// commas, rounded every number through a `Double` (ids collided), lost the
/// whole record over one lone surrogate, and decoded deep nesting in
/// super-linear time. Here every byte is looked at once, nesting deeper than
/// `maxDepth` stops the parse where it is found, and a lone surrogate
/// (`"\ud800"`) is noted with its path and replaced by U+FFFD so the rest of
/// the record (its id) can still be read and the error can name it.
///
/// The input must already be valid UTF-8 (the record decoder checks).
struct StrictJSONParser {
    static let maxDepth = 64

    struct SyntaxError: Error, Equatable {
        var reason: String
        /// 1-based byte offset in the record.
        var byte: Int
        var description: String { "\(reason) (byte \(byte))" }
    }

    /// A string that held a lone UTF-16 surrogate escape.
    struct LoneSurrogate: Equatable {
        /// Where: `text`, `vars.order_id`, `id`, `list[2]`.
        var path: String
        var escape: String
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var depth = 0
    private var path: [String] = []
    private(set) var loneSurrogates: [LoneSurrogate] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The value of `bytes` (a whole JSON text), and the lone surrogates met.
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> (value: JSONValue, loneSurrogates: [LoneSurrogate]) {
        let result: Result<(JSONValue, [LoneSurrogate]), SyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = StrictJSONParser(buffer)
            do throws(SyntaxError) {
                parser.skipWhitespace()
                let value = try parser.value()
                parser.skipWhitespace()
                if parser.i < buffer.count { throw parser.error("unexpected text after the value") }
                return .success((value, parser.loneSurrogates))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: Values

    private mutating func value() throws(SyntaxError) -> JSONValue {
        guard i < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("unexpected \(describe(bytes[i])), expected a value")
        }
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw error("nested deeper than \(Self.maxDepth) levels") }
    }

    private mutating func object() throws(SyntaxError) -> JSONValue {
        try enter()
        i += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { i += 1; depth -= 1; return .object(members) }
        while true {
            guard peek(UInt8(ascii: "\"")) else {
                throw error(members.isEmpty ? "expected a key in quotes" : "expected a key after the comma (no trailing commas)")
            }
            let keyStart = i + 1
            let key = try string()
            if members[key] != nil {
                i = keyStart - 1
                throw error("duplicate key \(RecordDecoder.quoted(key))")
            }
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw error("expected ':' after key \(RecordDecoder.quoted(key))") }
            i += 1
            skipWhitespace()
            path.append(key)
            members[key] = try value()
            path.removeLast()
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { i += 1; skipWhitespace(); continue }
            if peek(UInt8(ascii: "}")) { i += 1; depth -= 1; return .object(members) }
            throw error("expected ',' or '}' in an object")
        }
    }

    private mutating func array() throws(SyntaxError) -> JSONValue {
        try enter()
        i += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { i += 1; depth -= 1; return .array(items) }
        while true {
            if peek(UInt8(ascii: "]")) { throw error("expected a value after the comma (no trailing commas)") }
            path.append("[\(items.count)]")
            items.append(try value())
            path.removeLast()
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { i += 1; skipWhitespace(); continue }
            if peek(UInt8(ascii: "]")) { i += 1; depth -= 1; return .array(items) }
            throw error("expected ',' or ']' in an array")
        }
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count,
            (0..<n).allSatisfy({ bytes[i + $0] == word.utf8Start[$0] })
        else { throw error("unexpected \(describe(bytes[i])), expected a value") }
        i += n
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as text.
    private mutating func number() throws(SyntaxError) -> String {
        let start = i
        if peek(UInt8(ascii: "-")) { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { throw error("a number needs digits") }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) { throw error("a number cannot start with 0") }
        } else {
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if peek(UInt8(ascii: ".")) {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { throw error("a number needs digits after '.'") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            i += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw error("a number needs digits in its exponent") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }

    /// A string starting at the quote under `i`; leaves `i` after the
    /// closing quote.
    private mutating func string() throws(SyntaxError) -> String {
        i += 1
        var out: [UInt8] = []
        var runStart = i
        while true {
            guard i < bytes.count else { throw error("unterminated string") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                if out.isEmpty {
                    let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<i]), as: UTF8.self)
                    i += 1
                    return s
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw error("control character \(describe(b)) in a string must be escaped") }
            if b != UInt8(ascii: "\\") { i += 1; continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            try escape(into: &out)
            runStart = i
        }
    }

    private mutating func escape(into out: inout [UInt8]) throws(SyntaxError) {
        let at = i
        i += 1
        guard i < bytes.count else { throw error("unterminated string") }
        let c = bytes[i]
        i += 1
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(c)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try hex4()
            var scalar: Unicode.Scalar?
            if (0xD800...0xDBFF).contains(unit), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                let save = i
                i += 2
                let low = try hex4()
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                } else {
                    i = save  // not a pair: the high one is lone, the next escape is read on its own
                }
            } else {
                scalar = Unicode.Scalar(unit)
            }
            if let scalar {
                UTF8.encode(scalar) { out.append($0) }
            } else {
                let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<(at + 6)]), as: UTF8.self)
                loneSurrogates.append(LoneSurrogate(path: path.isEmpty ? "(record)" : Self.join(path), escape: written))
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
            }
        default:
            i = at
            throw error("unknown escape \\\(describe(c))")
        }
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("\\u needs four hex digits") }
        var v: UInt32 = 0
        for k in 0..<4 {
            let b = bytes[i + k]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: i += k; throw error("\\u needs four hex digits")
            }
            v = v << 4 | d
        }
        i += 4
        return v
    }

    // MARK: Bytes

    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    private func peek(_ b: UInt8) -> Bool { i < bytes.count && bytes[i] == b }
    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private func error(_ reason: String) -> SyntaxError { SyntaxError(reason: reason, byte: i + 1) }

    /// A byte as a message names it: a printable ASCII character in quotes,
    /// anything else by its code (never raw: it may be a control).
    private func describe(_ b: UInt8) -> String {
        if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b < 0x80 { return "U+00" + (b < 0x10 ? "0" : "") + String(b, radix: 16, uppercase: true) }
        return "non-ASCII text"
    }

    /// `vars.order_id`, `list[2]`: keys made visible, so a path is safe to print.
    static func join(_ path: [String]) -> String {
        var out = ""
        for p in path {
            if p.hasPrefix("[") { out += p } else { out += (out.isEmpty ? "" : ".") + OutputSanitizer.visible(p, lineBreaks: .show) }
        }
        return out
    }
}
