import Foundation

/// What a typed line means while drafts are on the screen. A pasted line is
/// always a buyer message; a typed one is an action when it has one of these
/// shapes (full-width digits and signs from a Chinese input method count):
///
/// | typed | action |
/// |---|---|
/// | Enter (empty line, right after drafts) | copy draft 1 |
/// | `N` | copy draft N |
/// | `N!` | copy draft N even with unfilled ⟨blanks⟩ |
/// | `N+M` | combine drafts N and M, copy |
/// | `e`, `e N`, `e N+M` | edit in place, Enter copies |
/// | `v`, `v N`, `v N+M` | edit in $VISUAL / $EDITOR, copied when it exits 0 |
/// | `m` | more drafts |
/// | `?`, `? N` | why (all intents, or draft N) |
enum DraftAction: Equatable {
    case copy([Int], force: Bool)
    case edit([Int])
    case editor([Int])
    case more
    case why(Int?)
    /// Looked like an action but named a draft that is not there.
    case invalid(String)

    /// Full-width ASCII (１２３＋？) folded to ASCII, lower-cased, trimmed.
    static func fold(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        for s in line.unicodeScalars {
            if (0xFF01...0xFF5E).contains(s.value), let a = Unicode.Scalar(s.value - 0xFEE0) {
                out.append(a)
            } else if s.value == 0x3000 {
                out.append(" ")
            } else {
                out.append(s)
            }
        }
        return String(out).lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `nil`: not an action, so a buyer message.
    static func parse(_ line: String, draftCount: Int) -> DraftAction? {
        let t = fold(line)
        guard !t.isEmpty, t.count <= 24 else { return nil }
        func targets(_ s: Substring) -> [Int]?? {
            let trimmed = s.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return .some(nil) }
            let parts = trimmed.split(separator: "+", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            var numbers: [Int] = []
            for p in parts {
                guard !p.isEmpty, p.allSatisfy(\.isASCII), p.allSatisfy(\.isNumber), let n = Int(p) else { return nil }
                numbers.append(n)
            }
            return .some(numbers)
        }
        func check(_ numbers: [Int], _ make: ([Int]) -> DraftAction) -> DraftAction {
            if let bad = numbers.first(where: { $0 < 1 || $0 > draftCount }) {
                return .invalid(
                    draftCount == 0 ? "no drafts yet: paste a message first" : "no draft \(bad): there are \(draftCount) (m shows more)")
            }
            return make(numbers)
        }
        if t == "m" { return .more }
        if t.first == "?" {
            switch targets(t.dropFirst()) {
            case .some(nil): return .why(nil)
            case .some(let n?) where n.count == 1: return check(n) { .why($0[0]) }
            default: return nil
            }
        }
        if let first = t.first, first == "e" || first == "v" {
            switch targets(t.dropFirst()) {
            case .some(nil): return check([1]) { first == "e" ? .edit($0) : .editor($0) }
            case .some(let n?): return check(n) { first == "e" ? .edit($0) : .editor($0) }
            default: return nil
            }
        }
        var body = Substring(t)
        var force = false
        if body.last == "!" { force = true; body = body.dropLast() }
        if case .some(let n?) = targets(body) { return check(n) { .copy($0, force: force) } }
        return nil
    }
}
