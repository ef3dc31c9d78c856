import KefuCore
import Synchronization

/// A term list matched in the script of the draft: Simplified and English
/// drafts against the terms as written, Traditional drafts against the terms
/// in both scripts (國家級 as well as 国家级: a Traditional draft may carry a
/// Simplified value).
///
/// The Traditional matcher is built on the first Traditional draft checked:
/// converting the terms opens OpenCC's s2t (25-50 ms, 9 MB), which start-up
/// cannot afford and a shop whose buyers never write Traditional never
/// needs. The engine opens s2t for the same reason only when it first
/// renders a Traditional draft, so the conversion costs nothing extra then.
final class ScriptedTermMatcher: Sendable {
    private let terms: [(String, String)]
    private let asWritten: ScalarTermMatcher
    private let bothScripts = Mutex<ScalarTermMatcher?>(nil)

    /// - Parameter terms: (term, label) pairs in Simplified Chinese or English.
    init(_ terms: [(String, String)]) {
        self.terms = terms
        self.asWritten = ScalarTermMatcher(terms)
    }

    func matches(in text: String, language: Language) -> [ScalarTermMatcher.Match] {
        guard language == .traditionalChinese, !asWritten.isEmpty else { return asWritten.matches(in: text) }
        let matcher = bothScripts.withLock { built in
            if let built { return built }
            let m = ScalarTermMatcher(Self.withTraditional(terms))
            built = m
            return m
        }
        return matcher.matches(in: text)
    }

    /// The terms and, where OpenCC changes them, their Traditional forms.
    static func withTraditional(_ terms: [(String, String)]) -> [(String, String)] {
        var out = terms
        for (term, label) in terms {
            let t = ChineseConverter.shared.convert(term, .toTraditional)
            if t != term { out.append((t, label)) }
        }
        return out
    }
}
