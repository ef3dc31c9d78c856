import Foundation
import KefuTestSupport
import Testing

/// Values per language from config.yaml reach `kefu suggest`: an English
/// draft never carries the shop's Chinese name or "明天".
@Suite struct LocalizedValuesCLITests {
    let sandbox: Sandbox

    init() throws { sandbox = try Sandbox() }

    func config(_ yaml: String) throws { try sandbox.writeConfig(yaml) }

    func drafts(_ r: KefuResult) throws -> [String] {
        try r.lines.flatMap { line -> [String] in
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return (record["drafts"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        }
    }

    static func hasHan(_ s: String) -> Bool { s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    @Test func aValuePerLanguageFillsEachLanguage() throws {
        try config("shop: {zh-Hans: 小鹿家居, en: Deer Home}\nagent: {zh: 小美, en: May}\nship_date: tomorrow\n")
        let en = try Kefu.run(
            ["suggest", "--format", "jsonl", "--no-user-packs"], stdin: "hello, anyone there?\nwhen will my order ship?\n", in: sandbox)
        #expect(en.status == 0, "\(en.err)")
        #expect(en.err.isEmpty, "\(en.err)")
        let english = try drafts(en)
        #expect(english.contains { $0.contains("Deer Home") }, "\(english)")
        #expect(!english.contains(where: Self.hasHan), "\(english)")
        let zh = try Kefu.run(["suggest", "--format", "jsonl", "--no-user-packs"], stdin: "在吗\n什么时候发货\n", in: sandbox)
        let chinese = try drafts(zh)
        #expect(chinese.contains { $0.contains("小鹿家居") }, "\(chinese)")
        #expect(!chinese.contains { $0.contains("Deer Home") || $0.contains("tomorrow") }, "\(chinese)")
    }

    @Test func chineseOnlyValuesStayOutOfEnglishDrafts() throws {
        try config("shop: 小鹿家居\nship_date: 明天\n")
        let r = try Kefu.run(
            ["suggest", "--format", "jsonl", "--no-user-packs"], stdin: "hello, anyone there?\nwhen will my order ship?\n", in: sandbox)
        let english = try drafts(r)
        #expect(!english.isEmpty)
        #expect(!english.contains(where: Self.hasHan), "\(english)")
        #expect(!english.contains { $0.contains("will ship 明天") })
    }

    @Test func aTraditionalDraftGetsTraditionalValues() throws {
        // Names convert by character: 信息 stays 信息 in a company's name.
        try config("shop: 小鹿信息家居馆\n")
        let r = try Kefu.run(["suggest", "--format", "jsonl", "--no-user-packs", "--lang", "zh-Hant"], stdin: "在嗎\n", in: sandbox)
        let texts = try drafts(r)
        #expect(texts.contains { $0.contains("小鹿信息家居館") }, "\(texts)")
    }

    @Test func anUnknownLanguageIsReported() throws {
        try config("shop: {zh-Hans: 小鹿家居, fr: Maison Cerf}\nregion: HK\n")
        let r = try Kefu.run(["config", "show"], in: sandbox)
        #expect(
            r.err.contains("config.yaml:1:23: error: 'shop': unknown language 'fr'") || r.out.contains("unknown language 'fr'"),
            "\(r.out)\(r.err)")
        #expect(r.out.contains("zh-Hans: 小鹿家居"), "\(r.out)")
        let region = try #require(r.out.split(separator: "\n").first { $0.hasPrefix("region ") })
        #expect(region.contains("HK"), "\(region)")
    }
}
