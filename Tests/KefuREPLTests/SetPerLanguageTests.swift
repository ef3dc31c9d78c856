import Foundation
import KefuCore
import KefuTestSupport
import Testing

@testable import KefuREPL

/// `:set NAME {zh-Hans: …, en: …}`: one value per language.
@Suite struct SetPerLanguageTests {
    @Test func aLanguageMapIsRead() throws {
        let map = try #require(Session.languageMap("{zh-Hans: 小鹿家居, en: \"Deer Home\"}"))
        #expect(map.map(\.0) == [.simplifiedChinese, .english])
        #expect(map.map(\.1) == ["小鹿家居", "Deer Home"])
        #expect(Session.languageMap("{zh-Hans：小鹿家居，en：Deer Home}")?.count == 2)
        #expect(Session.languageMap("{fr: Maison}") == nil)
        #expect(Session.languageMap("{just text}") == nil)
    }

    @Test func setAcceptsAMapAndThePromptSpeaksTheDraftLanguage() throws {
        let sandbox = try Sandbox()
        let (t, _) = try REPLFixtures.start(sandbox)
        try t.type(":set shop {zh-Hans: 小鹿家居, en: Deer Home}")
        try t.keys("Enter")
        try t.waitFor(text: "shop@en = Deer Home")
        try t.waitFor(text: "小鹿家居 · auto ›")
        try t.type(":lang en")
        try t.keys("Enter")
        try t.waitFor(text: "Deer Home · en ›")
    }
}
