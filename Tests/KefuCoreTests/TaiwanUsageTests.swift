import Testing

@testable import KefuCore

/// Traditional drafts read as a Taiwan buyer writes, not as mainland text in
/// Traditional characters.
@Suite struct TaiwanUsageTests {
    /// Mainland words (or character-by-character conversions) a Taiwan buyer
    /// does not write, with what they write instead.
    static let mainlandWords: [(mainland: String, taiwan: String)] = [
        ("質量", "品質"), ("信息", "資訊"), ("賬戶", "帳戶"), ("視頻", "影片"), ("喫虧", "吃虧"), ("尺碼錶", "尺碼表"),
        ("軟件", "軟體"), ("網絡", "網路"), ("引數", "參數"),
    ]

    @Test(arguments: [
        ("产品质量很好", "品質"), ("物流信息", "資訊"), ("有消息马上告诉您", "訊息"), ("您的账户", "帳戶"),
        ("可以拍个视频给我们", "影片"), ("不会让您吃亏的", "吃虧"), ("请参考尺码表", "尺碼表"), ("包邮", "免運"),
        ("具体参数在详情页", "參數"), ("感谢您的支持", "感謝您的支持"),
    ])
    func taiwanWords(simplified: String, expected: String) {
        let converted = ChineseConverter.shared.convert(simplified, toTraditionalOf: .taiwan)
        #expect(converted.contains(expected), "\(simplified) → \(converted)")
        for (mainland, _) in Self.mainlandWords { #expect(!converted.contains(mainland), "\(simplified) → \(converted)") }
    }

    @Test func hongKongKeepsItsOwnCharacters() {
        // s2hk: Hong Kong characters (户, 着 stay as Hong Kong writes them), no Taiwan vocabulary.
        let hk = ChineseConverter.shared.convert("您的账户信息，请参考尺码表", toTraditionalOf: .hongKong)
        #expect(hk.contains("賬户"), "\(hk)")
        #expect(hk.contains("信息") && hk.contains("尺碼表"), "\(hk)")
    }

    @Test func regionTags() {
        #expect(ChineseRegion(tag: "TW") == .taiwan)
        #expect(ChineseRegion(tag: "zh-HK") == .hongKong)
        #expect(ChineseRegion(tag: "CN") == nil)
    }

    /// Every built-in snippet without a hand-written zh-Hant text, rendered
    /// as a Traditional draft through the engine: no mainland word survives.
    @Test func convertedBuiltinDraftsUseTaiwanWords() {
        var offenders: [String] = []
        var rendered = 0
        for s in BuiltinEngine.library.snippets where s.texts[.traditionalChinese] == nil && s.texts[.simplifiedChinese] != nil {
            let suggestion = BuiltinEngine.engine.suggest("", SuggestionRequest(language: .traditionalChinese, snippet: s.id))
            guard let text = suggestion.drafts.first?.text else { continue }
            rendered += 1
            for (mainland, _) in Self.mainlandWords where text.contains(mainland) { offenders.append("\(s.id): \(mainland) in \(text)") }
        }
        #expect(rendered > 20)
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }
}
