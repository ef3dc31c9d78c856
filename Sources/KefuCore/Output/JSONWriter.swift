/// A minimal JSON writer that emits keys in the order given: kefu's JSON Lines
/// output has a stable, documented key order, and writing it directly is
/// several times faster than `JSONEncoder` on the per-message path.
///
/// The bytes live in memory the writer owns outright (it cannot be copied):
/// a record is a few hundred small appends, and through an `[UInt8]` each one
/// paid for the copy-on-write uniqueness check, through a class for dynamic
/// exclusivity checks; a plain pointer and count pay for neither.
package struct JSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    package init() {
        capacity = 4096
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    private var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    package var output: String { String(decoding: written, as: UTF8.self) }

    /// The output as one line of UTF-8 bytes, newline included: what a
    /// writer to a file descriptor wants, without building a `String`.
    package var line: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(count + 1)
        out.append(contentsOf: written)
        out.append(0x0A)
        return out
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toHold: bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count &+= bytes.count
    }

    private mutating func put(_ text: String) {
        var text = text
        text.withUTF8 { put($0) }
    }

    private mutating func grow(toHold extra: Int) {
        let newCapacity = max(capacity * 2, count + extra)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.initialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }

    package enum Value: Sendable {
        case string(String)
        case number(Double)
        case int(Int)
        /// A number exactly as the input wrote it (`1234567890123456789`,
        /// `1e-7`): an id or value echoed back must not be rounded through a
        /// `Double`. The text must be a valid JSON number.
        case numberText(String)
        case bool(Bool)
        case null
        case array([Value])
        case object([(String, Value)])
    }

    package static func encode(_ value: Value) -> String {
        var w = JSONWriter()
        w.write(value)
        return w.output
    }

    /// Writes a whole value tree (for small records and values kept around,
    /// such as a record's `id`).
    package mutating func write(_ value: Value) {
        switch value {
        case .string(let s): string(s)
        case .number(let d): number(d)
        case .int(let i): int(i)
        case .numberText(let t): separate(); put(t)
        case .bool(let b): bool(b)
        case .null: null()
        case .array(let items):
            array { w in for item in items { w.write(item) } }
        case .object(let pairs):
            object { w in
                for (k, v) in pairs {
                    w.key(k)
                    w.write(v)
                }
            }
        }
    }

    // MARK: Streaming: the per-message record is written straight to bytes,
    // without building a `Value` tree first (half the cost of a record).

    /// Whether the next value or key needs a separating comma. No stack is
    /// needed: opening a container clears it, closing one sets it.
    private var needsComma = false

    private mutating func separate() {
        if needsComma { put(UInt8(ascii: ",")) }
        needsComma = true
    }

    package mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        put(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        put(UInt8(ascii: "}"))
        needsComma = true
    }

    package mutating func array(_ body: (inout JSONWriter) -> Void) {
        separate()
        put(UInt8(ascii: "["))
        needsComma = false
        body(&self)
        put(UInt8(ascii: "]"))
        needsComma = true
    }

    /// An object key; the next call writes its value. Disfavoured so that a
    /// literal key takes the `StaticString` overload.
    @_disfavoredOverload
    package mutating func key(_ k: String) {
        separate()
        writeString(k)
        put(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A key written in the source: plain ASCII by construction, copied
    /// without the escape scan (a record has a few dozen of these).
    package mutating func key(_ k: StaticString) {
        separate()
        put(UInt8(ascii: "\""))
        k.withUTF8Buffer { put($0) }
        put(UInt8(ascii: "\""))
        put(UInt8(ascii: ":"))
        needsComma = false
    }

    package mutating func string(_ s: String) { separate(); writeString(s) }
    package mutating func number(_ d: Double) { separate(); writeNumber(d) }
    package mutating func int(_ i: Int) { separate(); writeInteger(i) }
    package mutating func bool(_ b: Bool) { separate(); raw(b ? "true" : "false") }
    package mutating func null() { separate(); raw("null") }

    /// `key` then a string, or `null` when `s` is nil.
    package mutating func field(_ k: StaticString, _ s: String?) {
        key(k)
        if let s { string(s) } else { null() }
    }
    package mutating func field(_ k: StaticString, _ d: Double) { key(k); number(d) }
    package mutating func field(_ k: StaticString, _ i: Int) { key(k); int(i) }
    package mutating func field(_ k: StaticString, _ b: Bool) { key(k); bool(b) }
    package mutating func field(_ k: StaticString, strings: [String]) {
        key(k)
        array { w in for s in strings { w.string(s) } }
    }

    private mutating func raw(_ s: StaticString) { s.withUTF8Buffer { put($0) } }

    @_disfavoredOverload
    private mutating func raw(_ s: String) { put(s) }

    /// Rounded to three decimals, without a trailing ".0" for whole numbers.
    /// Scores and confidences are written digit by digit: `String(Double)`
    /// allocates, and there are a dozen numbers in every record.
    private mutating func writeNumber(_ d: Double) {
        guard d.isFinite else { return raw("null") }
        let rounded = (d * 1000).rounded() / 1000
        guard abs(rounded) < 1e12 else {
            return raw(rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded))
        }
        let thousandths = Int((d * 1000).rounded())
        if thousandths < 0 { put(UInt8(ascii: "-")) }
        let magnitude = thousandths.magnitude
        writeInteger(Int(magnitude / 1000))
        var fraction = Int(magnitude % 1000)
        guard fraction > 0 else { return }
        put(UInt8(ascii: "."))
        var digits = 3
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        var divisor = digits == 3 ? 100 : digits == 2 ? 10 : 1
        while divisor > 0 {
            put(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    private mutating func writeInteger(_ i: Int) {
        guard i >= 0 else { return raw(String(i)) }
        if i < 10 { return put(UInt8(ascii: "0") + UInt8(i)) }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = i, count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while n > 0 { buffer[count] = UInt8(ascii: "0") + UInt8(n % 10); n /= 10; count += 1 }
            for k in stride(from: count - 1, through: 0, by: -1) { put(buffer[k]) }
        }
    }

    /// Escapes quotes, backslashes and every character
    /// `ControlSequences.isControl` names (C0, DEL, C1, line and paragraph
    /// separators, bidi and zero-width format characters): the output is one
    /// line and safe to print. Works on UTF-8 bytes, copying the runs between escapes whole.
    private mutating func writeString(_ s: String) {
        put(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            // Eight bytes at a time past everything that needs no escape
            // (most strings, in one run copied whole); byte by byte only
            // near a byte that may (Chinese drafts meet one at each “quote”).
            var runStart = 0
            var i = 0
            let n = utf8.count
            func flush(to end: Int) {
                if end > runStart { put(UnsafeBufferPointer(rebasing: utf8[runStart..<end])) }
            }
            while i < n {
                if i + 8 <= n, !Self.wordMayNeedEscape(utf8, at: i) { i += 8; continue }
                let b = utf8[i]
                if !Self.mayNeedEscape(b) { i += 1; continue }
                var escape: String? = nil
                var width = 1
                switch b {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x00..<0x20, 0x7F: escape = Self.unicodeEscape(UInt32(b))
                case 0xC2 where i + 1 < n && (0x80...0x9F).contains(utf8[i + 1]):
                    escape = Self.unicodeEscape(UInt32(utf8[i + 1])); width = 2
                case 0xD8, 0xE2, 0xEF:
                    // Three-byte (and U+061C's two-byte) format characters.
                    if let scalar = Self.formatCharacter(utf8, at: i) {
                        escape = Self.unicodeEscape(scalar)
                        width = b == 0xD8 ? 2 : 3
                    }
                default: break
                }
                if let escape {
                    flush(to: i)
                    put(escape)
                    i += width
                    runStart = i
                } else {
                    i += 1
                }
            }
            flush(to: n)
        }
        put(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes at `i` may need escaping (see
    /// `mayNeedEscape`), tested all at once.
    @inline(__always)
    private static func wordMayNeedEscape(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        @inline(__always) func hasByte(_ v: UInt64, _ b: UInt8) -> Bool { hasZeroByte(v ^ (ones &* UInt64(b))) }
        let v = UnsafeRawPointer(utf8.baseAddress!).loadUnaligned(fromByteOffset: i, as: UInt64.self)
        // A byte below 0x20: subtracting 0x20 from it borrows into its high bit.
        return (v &- ones &* 0x20) & ~v & highs != 0 || hasByte(v, 0x22) || hasByte(v, 0x5C)
            || hasByte(v, 0x7F) || hasByte(v, 0xC2) || hasByte(v, 0xD8) || hasByte(v, 0xE2) || hasByte(v, 0xEF)
    }

    /// The invisible format character that starts at `i`, if any: the ones
    /// `ControlSequences.isControl` lists above U+009F (U+061C, U+200B-U+200F,
    /// U+2028-U+202E, U+2066-U+2069, U+FEFF). Written as `\uXXXX` so that a
    /// JSON record printed on a terminal can neither reorder nor hide text.
    @inline(__always)
    private static func formatCharacter(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32? {
        let n = utf8.count
        switch utf8[i] {
        case 0xD8 where i + 1 < n && utf8[i + 1] == 0x9C: return 0x061C
        case 0xE2 where i + 2 < n:
            let c = UInt32(utf8[i + 2])
            if utf8[i + 1] == 0x80 && ((0x8B...0x8F).contains(c) || (0xA8...0xAE).contains(c)) { return 0x2000 + c - 0x80 }
            if utf8[i + 1] == 0x81 && (0xA6...0xA9).contains(c) { return 0x2040 + c - 0x80 }
            return nil
        case 0xEF where i + 2 < n && utf8[i + 1] == 0xBB && utf8[i + 2] == 0xBF: return 0xFEFF
        default: return nil
        }
    }

    /// Bytes that start something `writeString` may escape: controls, quote,
    /// backslash, DEL, and the lead bytes of C1 controls and format characters.
    @inline(__always)
    private static func mayNeedEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2 || b == 0xEF
    }

    private static func unicodeEscape(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
