import Testing

@testable import KefuCore

/// The term matcher behind draft checks and catalogues: leftmost-longest,
/// ASCII case-insensitive, allow-listed terms consumed silently.
@Suite struct TermMatcherTests {
    func found(_ terms: [(String, String)], _ text: String) -> [String] {
        ScalarTermMatcher(terms).matches(in: text).map { "\($0.term)/\($0.label)@\($0.utf8Range.lowerBound)" }
    }

    @Test func longestAtAPlaceWinsAndTheScanGoesOnAfterIt() {
        let terms = [("最低", "a"), ("最低价", "b"), ("低价", "c"), ("价格", "d")]
        #expect(found(terms, "全网最低价格") == ["最低价/b@6"])
        #expect(found(terms, "低价格") == ["低价/c@0"])
    }

    @Test func allowListedTermsConsumeWithoutReporting() {
        let terms = [("第一", "claim"), ("第一时间", ""), ("最", "claim")]
        #expect(found(terms, "我们会第一时间处理，销量第一") == ["第一/claim@36"])
    }

    @Test func asciiCaseIsFoldedAndTheTextIsQuotedAsWritten() {
        #expect(found([("wechat", "x"), ("best ever", "y")], "Add me on WeChat, BEST EVER") == ["WeChat/x@10", "BEST EVER/y@18"])
    }

    @Test func emptyAndTinyInputs() {
        #expect(found([], "anything").isEmpty)
        #expect(found([("", "x")], "anything").isEmpty)
        #expect(found([("a", "x")], "").isEmpty)
        #expect(found([("a", "x"), ("ab", "y")], "aab") == ["a/x@0", "ab/y@1"])
        #expect(found([("🙂", "e")], "ok🙂🙂") == ["🙂/e@2", "🙂/e@6"])
    }

    /// The automaton against the plain definition (at each scalar, the
    /// longest term starting there), over random terms and texts drawn from
    /// a small alphabet so that overlaps are common.
    @Test func agreesWithTheDefinition() {
        var rng = SplitMix(seed: 7)
        let alphabet: [Character] = ["a", "B", "b", "最", "低", "价", "🙂", " "]
        func word(_ max: Int) -> String { String((0..<(1 + rng.next() % max)).map { _ in alphabet[rng.next() % alphabet.count] }) }
        for _ in 0..<300 {
            let terms = (0..<(1 + rng.next() % 6)).map { i in (word(4), i % 3 == 0 ? "" : "t\(i)") }
            let text = word(30)
            let expected = Self.reference(terms, text)
            let got = ScalarTermMatcher(terms).matches(in: text).map { "\($0.term)/\($0.label)" }
            #expect(got == expected, "terms \(terms) text \(text)")
        }
    }

    static func reference(_ terms: [(String, String)], _ text: String) -> [String] {
        let folded = terms.map { (Array($0.0.lowercasedASCII.unicodeScalars), $0.1) }.filter { !$0.0.isEmpty }
        let scalars = Array(text.unicodeScalars), lower = Array(text.lowercasedASCII.unicodeScalars)
        var out: [String] = []
        var i = 0
        while i < lower.count {
            let hits = folded.filter { $0.0.count <= lower.count - i && Array(lower[i..<(i + $0.0.count)]) == $0.0 }
            guard let best = hits.max(by: { $0.0.count < $1.0.count }) else { i += 1; continue }
            // Among equally long terms the first listed wins, as in the matcher.
            let first = hits.first { $0.0.count == best.0.count }!
            if !first.1.isEmpty { out.append(String(String.UnicodeScalarView(scalars[i..<(i + first.0.count)])) + "/" + first.1) }
            i += first.0.count
        }
        return out
    }
}

extension String {
    var lowercasedASCII: String {
        String(String.UnicodeScalarView(unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }))
    }
}

/// A small deterministic generator, so a failure reproduces.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
    }
}
