import Testing

@testable import KefuCore

@Suite struct EngineTests {
    let engine = TestPack.engine()

    @Test func draftsComeBackInTheBuyersScript() {
        let zh = engine.suggest("我的快递到哪了")
        #expect(zh.language == .simplifiedChinese)
        #expect(zh.drafts.first?.text == "亲，马上帮您查询的物流哦。")
        let hant = engine.suggest("我的快遞到哪裡了")
        #expect(hant.language == .traditionalChinese)
        #expect(hant.drafts.first?.text == "親，馬上幫您查詢的物流哦。")
        let en = engine.suggest("where is my parcel")
        #expect(en.drafts.first?.text == "Checking your parcel right away.")
    }

    /// Batch runs skip the explanations; nothing else about the answer changes.
    @Test func explanationsOnlyWhenAsked() {
        for message in ["where is my parcel, tracking SF1234567890123", "我的快遞到哪裡了", "hello"] {
            let explained = engine.suggest(message, SuggestionRequest(maxDrafts: 5))
            let plain = engine.suggest(message, SuggestionRequest(maxDrafts: 5, explain: false))
            #expect(!explained.drafts.isEmpty)
            #expect(explained.drafts.allSatisfy { !$0.explanation.isEmpty }, "\(message)")
            #expect(plain.drafts.allSatisfy { $0.explanation.isEmpty }, "\(message)")
            #expect(plain.drafts.map(\.snippet) == explained.drafts.map(\.snippet))
            #expect(plain.drafts.map(\.score) == explained.drafts.map(\.score))
            #expect(plain.drafts.map(\.text) == explained.drafts.map(\.text))
            #expect(plain.intents.map(\.intent) == explained.intents.map(\.intent))
        }
    }

    @Test func languageCanBeForced() {
        let s = engine.suggest("where is my parcel", SuggestionRequest(language: .simplifiedChinese))
        #expect(s.detectedLanguage == .english)
        #expect(s.drafts.first?.text.hasPrefix("亲") == true)
    }

    @Test func extractedValuesFillTemplates() {
        let s = engine.suggest("where is my parcel, tracking SF1234567890123")
        #expect(s.drafts.first?.text == "Checking tracking number SF1234567890123 right away.")
    }

    @Test func unknownNeededVariableIsAVisiblePlaceholder() {
        let s = engine.suggest("where is my parcel", SuggestionRequest(maxDrafts: 5))
        let ask = s.drafts.first { $0.snippet == "parcel.need-order" }
        #expect(ask?.text == "Could you confirm order ⟨order_id⟩?")
        #expect(ask?.complete == false)
        #expect(ask?.missing == ["order_id"])
        let filled = engine.suggest("where is my parcel", SuggestionRequest(variables: ["order_id": "A-77"]))
        #expect(filled.drafts.first { $0.snippet == "parcel.need-order" }?.complete == true)
    }

    @Test func recordVariablesOverrideExtractedOnes() {
        let s = engine.suggest("where is my parcel SF1234567890123", SuggestionRequest(recordVariables: ["tracking_no": "X1"]))
        #expect(s.drafts.first?.text.contains("X1") == true)
    }

    @Test func priorityOrdersDraftsOfOneIntentAndApologyLeadsWhenUpset() {
        let calm = engine.suggest("the mug arrived broken")
        #expect(calm.drafts.map(\.snippet).prefix(2) == ["broken.reship", "broken.sorry"])
        let upset = engine.suggest("the mug arrived BROKEN, TERRIBLE service, you scammers!!!")
        #expect(upset.tone.upset)
        #expect(upset.drafts.first?.snippet == "broken.sorry")
        #expect(upset.drafts.first?.explanation.contains("buyer is upset: apology first") == true)
    }

    @Test func multiIntentMessagesGetTheBestDraftOfEachNearTheTop() {
        let s = engine.suggest("where is my parcel? and the mug arrived broken, i want a refund", SuggestionRequest(maxDrafts: 3))
        #expect(Set(s.drafts.compactMap(\.intent)) == ["parcel", "broken", "money_back"])
    }

    @Test func partialsRenderInsideDrafts() {
        let s = engine.suggest("我要退款")
        #expect(s.drafts.first?.text == "您在订单页申请退款就可以啦。七天无理由退货。")
    }

    @Test func nothingPlausibleOffersGenericDrafts() {
        let s = engine.suggest("zzzz qqqq")
        #expect(s.intents.isEmpty)
        #expect(!s.hedged)
        #expect(s.usedFallback)
        #expect(s.drafts.map(\.snippet) == ["generic.check"])
        #expect(s.drafts.first?.intent == nil)
    }

    @Test func onDemandSnippetsAreOnlyRenderedWhenAskedFor() {
        #expect(!engine.suggest("pay").drafts.contains { $0.snippet == "reminder.pay" })
        let s = engine.suggest("", SuggestionRequest(variables: ["order_id": "123"], snippet: "reminder.pay"))
        #expect(s.drafts.map(\.text) == ["Your order 123 is waiting for payment."])
    }

    @Test func topLimitsDrafts() {
        #expect(engine.suggest("where is my parcel", SuggestionRequest(maxDrafts: 1)).drafts.count == 1)
        #expect(engine.suggest("where is my parcel", SuggestionRequest(maxDrafts: 0)).drafts.isEmpty)
    }

    @Test func hostileInputIsHandled() throws {
        let huge = String(repeating: "快递到哪了", count: 200_000)  // 3 MB of UTF-8
        #expect(engine.suggest(huge).intents.first?.intent == "parcel")
        // A value from the record carrying escapes reaches the draft's text
        // (so the check below has something to bite on), cleaned.
        let attack = engine.suggest(
            "where is my parcel\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J",
            SuggestionRequest(recordVariables: ["tracking_no": "SF123\u{1B}]52;c;ZXZpbA==\u{07}456\u{202E}"]))
        #expect(attack.intents.first?.intent == "parcel")
        let check = try #require(attack.drafts.first { $0.snippet == "parcel.check" }, "\(attack.drafts.map(\.snippet))")
        #expect(check.text.contains("SF123"), "the value is in the draft: \(check.text)")
        for d in attack.drafts {
            #expect(!d.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }, "\(d.text)")
        }
        #expect(engine.suggest("\u{0}\u{1}\u{2}").usedFallback)
    }

    @Test func confidencesAreProbabilities() {
        for text in ["where is my parcel", "我要退款 快递到哪了 坏了", "my mug arrived broken, refund please"] {
            let candidates = engine.analyse(text).candidates
            #expect(!candidates.isEmpty, "\(text) has candidates to check")
            for i in candidates { #expect(i.confidence >= 0 && i.confidence <= 1, "\(text): \(i)") }
        }
    }
}
