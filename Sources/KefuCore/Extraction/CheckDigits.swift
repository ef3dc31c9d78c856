/// Check characters of the identifiers kefu reads, so that a value with a
/// typo is not taken for a real one (and, for tracking numbers, not given
/// a carrier it may not have). Inputs are upper-case ASCII.
enum CheckDigits {
    private static func digit(_ c: UInt8) -> Int? { (48...57).contains(c) ? Int(c - 48) : nil }

    /// UPU S10 (`EA123456785CN`): weights 8 6 4 2 3 5 9 7 over the eight
    /// serial digits; 11 − sum mod 11, where 10 is 0 and 11 is 5.
    static func upuS10(_ code: String) -> Bool {
        let b = Array(code.utf8)
        guard b.count == 13 else { return false }
        let weights = [8, 6, 4, 2, 3, 5, 9, 7]
        var sum = 0
        for k in 0..<8 { guard let d = digit(b[2 + k]) else { return false }; sum += d * weights[k] }
        var check = 11 - sum % 11
        if check == 10 { check = 0 } else if check == 11 { check = 5 }
        return digit(b[10]) == check
    }

    /// UPS `1Z` + 16: letters count as (ASCII − 63) mod 10, every second
    /// character doubled, the last makes the sum a multiple of ten.
    static func ups(_ code: String) -> Bool {
        let b = Array(code.utf8)
        guard b.count == 18, b[0] == 0x31, b[1] == 0x5A else { return false }
        var sum = 0
        for (k, c) in b[2..<17].enumerated() {
            let v: Int
            if let d = digit(c) { v = d } else if (65...90).contains(c) { v = (Int(c) - 63) % 10 } else { return false }
            sum += k % 2 == 1 ? 2 * v : v
        }
        return digit(b[17]) == (10 - sum % 10) % 10
    }

    /// USPS 20-22 digit numbers (GS1 mod 10): from the right, weights 3 and 1.
    static func uspsMod10(_ digits: String) -> Bool {
        let b = Array(digits.utf8)
        guard b.count >= 2 else { return false }
        var sum = 0
        for (k, c) in b.dropLast().reversed().enumerated() {
            guard let d = digit(c) else { return false }
            sum += k % 2 == 0 ? 3 * d : d
        }
        return digit(b[b.count - 1]) == (10 - sum % 10) % 10
    }

    /// DHL Express waybills: the last digit is the rest modulo 7.
    static func dhlMod7(_ digits: String) -> Bool {
        guard digits.count >= 2, let body = Int(digits.dropLast()), let check = Int(digits.suffix(1)) else { return false }
        return body % 7 == check
    }

    /// The characters of a 统一社会信用代码 (no I, O, S, V, Z).
    static let creditCodeAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)

    /// 统一社会信用代码 (GB 32100-2015): 18 characters, the last one
    /// 31 − (Σ value × weight) mod 31 in the same alphabet.
    static func chineseCreditCode(_ code: String) -> Bool {
        let b = Array(code.utf8)
        guard b.count == 18 else { return false }
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        var sum = 0
        for k in 0..<17 {
            guard let v = creditCodeAlphabet.firstIndex(of: b[k]) else { return false }
            sum += v * weights[k]
        }
        let check = (31 - sum % 31) % 31
        return b[17] == creditCodeAlphabet[check]
    }

    /// Taiwan 統一編號: 8 digits, weights 1 2 1 2 1 2 4 1, digits of each
    /// product summed; valid when the sum is a multiple of 5 (the rule since
    /// 2023, which accepts every number the old multiple-of-10 rule did), or,
    /// when the seventh digit is 7, when the sum plus one is.
    static func taiwanBusinessNumber(_ digits: String) -> Bool {
        let b = Array(digits.utf8)
        guard b.count == 8 else { return false }
        let weights = [1, 2, 1, 2, 1, 2, 4, 1]
        var sum = 0
        for k in 0..<8 {
            guard let d = digit(b[k]) else { return false }
            let p = d * weights[k]
            sum += p / 10 + p % 10
        }
        return sum % 5 == 0 || b[6] == 0x37 && (sum + 1) % 5 == 0
    }
}
