import Testing

@testable import KefuCore

/// Values in the draft's language: per-language texts, dates, scripts.
@Suite struct LocalizedValueTests {
    static let shop = ["shop@zh-Hans": "小鹿家居", "shop@en": "Deer Home"]

    @Test func eachLanguageGetsItsOwnText() {
        #expect(LocalizedValue.resolve(Self.shop, for: .english)["shop"] == "Deer Home")
        #expect(LocalizedValue.resolve(Self.shop, for: .simplifiedChinese)["shop"] == "小鹿家居")
        // No zh-Hant text: the Simplified one, converted.
        #expect(LocalizedValue.resolve(["shop@zh-Hans": "小鹿家居馆"], for: .traditionalChinese)["shop"] == "小鹿家居館")
        // A text for the language beats the plain one.
        #expect(LocalizedValue.resolve(["shop": "小鹿家居", "shop@en": "Deer Home"], for: .english)["shop"] == "Deer Home")
    }

    @Test func chineseNeverFillsAnEnglishDraft() {
        let v = LocalizedValue.resolve(["shop": "小鹿家居", "agent": "May", "note": "大促"], for: .english)
        #expect(v["shop"] == nil)
        #expect(v["note"] == nil)
        #expect(v["agent"] == "May")
    }

    @Test func scriptsAreConverted() {
        #expect(LocalizedValue.localize("紅色", name: "color", for: .simplifiedChinese) == "红色")
        #expect(LocalizedValue.localize("红色", name: "color", for: .traditionalChinese) == "紅色")
        #expect(LocalizedValue.localize("Deer Home", name: "shop", for: .traditionalChinese) == "Deer Home")
        // Names convert by character, not by phrase (信息 is not reworded to 資訊).
        #expect(LocalizedValue.localize("信息科技有限公司", name: "invoice_title", for: .traditionalChinese) == "信息科技有限公司")
    }

    @Test(arguments: [
        ("tomorrow", "tomorrow", "明天", "明天"),
        ("明天", "tomorrow", "明天", "明天"),
        ("today", "today", "今天", "今天"),
        ("后天", "the day after tomorrow", "后天", "後天"),
        ("2026-12-03", "Dec 3", "12月3日", "12月3日"),
        ("12月3日", "Dec 3", "12月3日", "12月3日"),
        ("Dec 3", "Dec 3", "12月3日", "12月3日"),
        ("周五", "Friday", "周五", "週五"),
        ("friday", "Friday", "周五", "週五"),
    ])
    func datesAreRenderedPerLanguage(given: String, en: String, hans: String, hant: String) {
        #expect(LocalizedValue.localize(given, name: "ship_date", for: .english) == en)
        #expect(LocalizedValue.localize(given, name: "ship_date", for: .simplifiedChinese) == hans)
        #expect(LocalizedValue.localize(given, name: "ship_date", for: .traditionalChinese) == hant)
    }

    @Test func keys() {
        #expect(LocalizedValue.key("shop", .english) == "shop@en")
        #expect(LocalizedValue.split("shop@zh-Hant")?.name == "shop")
        #expect(LocalizedValue.split("shop@zh-TW")?.language == .traditionalChinese)
        #expect(LocalizedValue.split("shop") == nil)
        #expect(LocalizedValue.split("me@example") == nil)
    }

    /// Through the engine: the English greeting says "Deer Home", never 小鹿家居.
    @Test func englishDraftsCarryNoChinese() {
        let request = SuggestionRequest(variables: ["shop": "小鹿家居", "shop@en": "Deer Home", "ship_date": "明天"])
        for message in ["hello, anyone there?", "when will my order ship?"] {
            let s = BuiltinEngine.engine.suggest(message, request)
            for d in s.drafts {
                #expect(!d.text.unicodeScalars.contains { Script.isHan($0.value) }, "\(message): \(d.text)")
            }
        }
        let hello = BuiltinEngine.engine.suggest("hello, anyone there?", request)
        #expect(hello.drafts.contains { $0.text.contains("Deer Home") }, "\(hello.drafts.map(\.text))")
    }
}
