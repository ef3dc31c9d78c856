/// Phone numbers and link hosts in a draft, read straight from its UTF-8
/// bytes without regular expressions (this runs on every draft shown).
enum PhoneAndLink {
    /// A mainland mobile number (11 digits, 1[3-9]..., not glued to a Latin
    /// letter as in SF13812345678...) or a run of 8+ digits after `+`: order
    /// and tracking numbers are longer, or carry letters.
    static func phoneNumber(in text: String) -> String? {
        var text = text
        return text.withUTF8 { phoneNumber(in: $0) }
    }

    static func phoneNumber(in buf: UnsafeBufferPointer<UInt8>) -> String? {
        // Most drafts have fewer than 8 digits in all: one branch-free
        // counting pass, no allocation, rules them out.
        var digits = 0
        for b in buf { digits &+= isDigit(b) ? 1 : 0 }
        guard digits >= 8 else { return nil }
        var run: [UInt8] = [], plus = false, gluedToLetter = false
        func candidate() -> String? {
            if run.count == 11 && run[0] == 0x31 && (0x33...0x39).contains(run[1]) && !gluedToLetter {
                return String(decoding: run, as: UTF8.self)
            }
            if plus && (8...15).contains(run.count) { return "+" + String(decoding: run, as: UTF8.self) }
            return nil
        }
        var before: UInt8 = space
        for b in buf {
            if isDigit(b) {
                if run.isEmpty { plus = before == 0x2B; gluedToLetter = isLetter(before) }
                run.append(b)
            } else if b == dash || b == space, !run.isEmpty, !plus {
                // "138-1234-5678" / "138 1234 5678": keep reading.
                continue
            } else {
                if let c = candidate() { return c }
                run.removeAll(keepingCapacity: true)
            }
            before = b
        }
        return candidate()
    }

    /// The host of the link whose prefix (`https://`, `http://`, `www.`)
    /// ends at UTF-8 offset `offset` of `text`, lower-cased, without `www.`.
    static func host(at offset: Int, in text: String) -> String {
        var text = text
        return text.withUTF8 { buf in
            var end = offset
            while end < buf.count, isHostByte(buf[end]) { end += 1 }
            var host = String(decoding: UnsafeBufferPointer(rebasing: buf[offset..<end]), as: UTF8.self).lowercased()
            if host.hasPrefix("www.") { host.removeFirst(4) }
            return host
        }
    }

    static let dash: UInt8 = 0x2D, space: UInt8 = 0x20
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isHostByte(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) || b == 0x2E || b == dash }
}
