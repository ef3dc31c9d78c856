/// Phone numbers and link hosts in a draft, without regular expressions
/// (this runs on every draft).
enum PhoneAndLink {
    /// A mainland mobile number (11 digits, 1[3-9]...) or a run of 8+ digits
    /// after `+`: order and tracking numbers are longer, or carry letters.
    static func phoneNumber(in text: String) -> String? {
        // Most drafts have no run of 8 digits (separators allowed): one byte pass, no allocation.
        var longest = 0, digits = 0
        for b in text.utf8 {
            if (0x30...0x39).contains(b) { digits += 1; longest = max(longest, digits) } else if b != 0x2D && b != 0x20 { digits = 0 }
        }
        guard longest >= 8 else { return nil }
        var run = "", plus = false, previous: Unicode.Scalar = " "
        func candidate() -> String? {
            let d = run.unicodeScalars.map { $0.value - 0x30 }
            if d.count == 11 && d[0] == 1 && (3...9).contains(d[1]) && !previous.properties.isAlphabetic { return run }
            if plus && (8...15).contains(d.count) { return "+" + run }
            return nil
        }
        var before: Unicode.Scalar = " "
        for s in text.unicodeScalars {
            if ("0"..."9").contains(s) {
                if run.isEmpty { plus = before == "+"; previous = before }
                run.unicodeScalars.append(s)
            } else if s == "-" || s == " ", !run.isEmpty, !plus {
                // "138-1234-5678" / "138 1234 5678": keep reading.
                continue
            } else {
                if let c = candidate() { return c }
                run = ""
            }
            before = s
        }
        return candidate()
    }

    /// The host of the link that begins with `start` in `text`.
    static func host(after start: String, in text: String) -> String? {
        guard let r = text.range(of: start, options: .caseInsensitive) else { return nil }
        var rest = text[r.lowerBound...]
        for p in ["https://", "http://"] where rest.lowercased().hasPrefix(p) { rest = rest.dropFirst(p.count) }
        let host = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }.lowercased()
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }
}

import Foundation
