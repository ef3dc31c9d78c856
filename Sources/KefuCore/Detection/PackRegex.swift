import Foundation

#if canImport(_FoundationICU)
    // The ICU that Foundation's NSRegularExpression runs on (same engine, same
    // syntax), called directly for the one thing NSRegularExpression lacks: a
    // step budget (`uregex_setTimeLimit`). Its C functions carry a `swift_`
    // prefix in this build of ICU.
    import _FoundationICU
#endif

/// A pack's regular expression with a budget: whatever the pattern and the
/// message, one match costs at most `stepLimit` ticks of ICU's matcher
/// (about a millisecond), then gives up as `overBudget`. `RegexHazard`
/// refuses the exponential shapes at load; this holds what is left
/// (polynomial backtracking such as `.*.*x` on a 1 MB paste).
///
/// Immutable and thread-safe: each match works on its own clone of the
/// compiled pattern (ICU's matcher keeps its state in the object).
package final class PackRegex: @unchecked Sendable {
    package enum Outcome: Equatable {
        case match(String)
        case noMatch
        /// The budget ran out before ICU could say.
        case overBudget
    }

    /// ICU counts time in ticks of 10,000 matcher steps; 4 ticks take about
    /// a millisecond on the development machines.
    package static let stepLimit: Int32 = 4

    package let pattern: String

    #if canImport(_FoundationICU)
        private let compiled: OpaquePointer

        package init?(_ pattern: String) {
            self.pattern = pattern
            var status = U_ZERO_ERROR
            let units = Array(pattern.utf16)
            guard let regex = swift_uregex_open(units, Int32(units.count), UInt32(UREGEX_CASE_INSENSITIVE.rawValue), nil, &status),
                status.rawValue <= U_ZERO_ERROR.rawValue
            else { return nil }
            compiled = regex
        }

        deinit { swift_uregex_close(compiled) }

        package func firstMatch(in text: String) -> Outcome {
            var status = U_ZERO_ERROR
            guard let regex = swift_uregex_clone(compiled, &status) else { return .noMatch }
            defer { swift_uregex_close(regex) }
            swift_uregex_setTimeLimit(regex, Self.stepLimit, &status)
            let units = Array(text.utf16)
            return units.withUnsafeBufferPointer { buffer in
                swift_uregex_setText(regex, buffer.baseAddress, Int32(buffer.count), &status)
                let found = swift_uregex_find(regex, 0, &status)
                if status == U_REGEX_TIME_OUT || status == U_REGEX_STACK_OVERFLOW { return .overBudget }
                guard found != 0, status.rawValue <= U_ZERO_ERROR.rawValue else { return .noMatch }
                let start = Int(swift_uregex_start(regex, 0, &status)), end = Int(swift_uregex_end(regex, 0, &status))
                guard status.rawValue <= U_ZERO_ERROR.rawValue, 0 <= start, start <= end, end <= buffer.count else { return .noMatch }
                return .match(String(decoding: buffer[start..<end], as: UTF16.self))
            }
        }
    #else
        // Without direct access to ICU: NSRegularExpression on a bounded prefix
        // of the message, so a polynomial pattern's cost is bounded by the prefix.
        private let regex: NSRegularExpression
        static let inputLimit = 2_000

        package init?(_ pattern: String) {
            self.pattern = pattern
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
            self.regex = regex
        }

        package func firstMatch(in text: String) -> Outcome {
            let text = String(text.prefix(Self.inputLimit))
            guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), let r = Range(m.range, in: text) else {
                return .noMatch
            }
            return .match(String(text[r]))
        }
    #endif
}
