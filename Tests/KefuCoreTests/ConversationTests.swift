import Foundation
import Testing

@testable import KefuCore

/// Threads (`Conversation`): values carried from earlier messages, a
/// buyer's correction, who wins when several give a value, and the lean of
/// a follow-up toward the thread's intent. On the built-in packs, as an
/// agent meets them.
@Suite struct ConversationTests {
    let engine = BuiltinEngine.engine

    /// Answers `messages` in one thread, in order, with `variables` as the
    /// agent's values; returns every answer.
    func thread(_ messages: [String], variables: [String: String] = [:]) -> [Suggestion] {
        var conversation = Conversation(id: "t1")
        return messages.map { text in
            var r = SuggestionRequest(variables: variables)
            r.thread = conversation.context
            let s = engine.suggest(text, r)
            conversation.absorb(s, library: engine.library)
            return s
        }
    }

    func texts(_ s: Suggestion) -> String { s.drafts.map(\.text).joined(separator: "\n") }

    /// A script feeding kefu for days keeps at most `capacity` threads: the
    /// one answered longest ago is forgotten, a recently used one is kept.
    @Test func threadsPastTheCapacityForgetTheLeastRecentlyAnswered() {
        var threads = Conversations(capacity: 2)
        func say(_ text: String, _ id: String) -> Suggestion {
            threads.suggest(text, thread: id, SuggestionRequest(), library: engine.library) { engine.suggest($0, $1) }
        }
        _ = say("订单号 1234567890，还没发货", "a")
        _ = say("订单号 2234567890，还没发货", "b")
        _ = say("催一下", "a")  // a is now the most recent
        _ = say("你好", "c")  // b, the least recent, goes
        #expect(Set(threads.threads.keys) == ["a", "c"])
        #expect(threads.threads["a"]?.context.carried.contains { $0.value == "1234567890" } == true)
        let again = say("催一下", "b")
        #expect(again.thread?.carried.isEmpty == true, "a forgotten thread starts afresh")
        #expect(Set(threads.threads.keys) == ["b", "c"])
    }

    @Test func anOrderNumberGivenEarlierFillsALaterDraft() throws {
        let answers = thread(["订单号 1234567890，还没发货", "催一下"])
        let later = answers[1]
        #expect(later.entities.isEmpty, "the second message gives no order number itself")
        #expect(texts(later).contains("1234567890"), "\(texts(later))")
        let use = try #require(later.thread)
        #expect(use.carried.map(\.kind) == [.orderID] && use.carried.first?.value == "1234567890")
        #expect(use.message == 2 && use.id == "t1")
        // The same message on its own knows no order number.
        #expect(!texts(engine.suggest("催一下")).contains("1234567890"))
    }

    /// Whatever extraction finds carries: size, colour, address, phone,
    /// tracking number and carrier.
    @Test func everyKindOfValueCarries() throws {
        var answers = thread(["M码 红色，收货地址 北京市朝阳区建国路88号，电话 13812345678", "怎么样了"])
        let kinds = Set(try #require(answers[1].thread).carried.map(\.kind))
        #expect(kinds == [.size, .color, .address, .phone], "\(kinds)")
        #expect(texts(answers[1]).contains("北京市朝阳区建国路88号"), "\(texts(answers[1]))")
        answers = thread(["顺丰 SF1234567890123 到哪了", "还没到吗"])
        #expect(answers[1].entities.isEmpty)
        #expect(answers[1].thread?.carried.map(\.kind) == [.trackingNumber, .carrier])
        #expect(texts(answers[1]).contains("SF1234567890123") && texts(answers[1]).contains("顺丰"), "\(texts(answers[1]))")
    }

    @Test func aCorrectedValueReplacesTheEarlierOne() {
        let answers = thread(["订单号 1234567890，还没发货", "sorry, the order is 123456789012", "催一下"])
        let last = texts(answers[2])
        #expect(last.contains("123456789012"), "\(last)")
        #expect(!last.contains("（1234567890）") && !last.contains("订单 1234567890 "), "the old number is gone: \(last)")
        #expect(answers[2].thread?.carried.map(\.value) == ["123456789012"])
    }

    /// This message > the agent's values > earlier in the thread.
    @Test func theMessageBeatsTheAgentWhoBeatsTheThread() {
        let set = ["order_id": "5556667778"]
        let answers = thread(["订单号 1234567890，还没发货", "催一下", "订单号 9998887776 也催一下"], variables: set)
        #expect(texts(answers[1]).contains("5556667778"), "the agent's :set beats the earlier message: \(texts(answers[1]))")
        #expect(!texts(answers[1]).contains("1234567890"))
        #expect(answers[1].thread?.carried.isEmpty == true, "an earlier value nobody uses is not shown as used")
        #expect(texts(answers[2]).contains("9998887776"), "this message beats the agent: \(texts(answers[2]))")
        #expect(!texts(answers[2]).contains("5556667778"))
    }

    @Test func aRecordsOwnValuesBeatTheThread() {
        var conversation = Conversation(id: "r")
        conversation.absorb(engine.suggest("订单号 1234567890，还没发货"), library: engine.library)
        var r = SuggestionRequest(recordVariables: ["order_id": "4443332221"])
        r.thread = conversation.context
        let s = engine.suggest("催一下", r)
        #expect(texts(s).contains("4443332221") && !texts(s).contains("1234567890"))
        #expect(s.thread?.carried.isEmpty == true)
    }

    @Test(arguments: ["怎么样了", "还没好吗", "then?", "what now"])
    func aFollowUpWithNoIntentOfItsOwnLeansTowardTheThreadsIntent(text: String) throws {
        let alone = engine.suggest(text)
        #expect(alone.intents.isEmpty, "the follow-up has no confident intent of its own: \(alone.intents)")
        let answers = thread(["我的快递到哪了", text])
        #expect(answers[0].intents.first?.intent == "logistics")
        let s = answers[1]
        #expect(s.thread?.followUpOf == "logistics")
        #expect(s.hedged && !s.usedFallback, "a follow-up is answered as a guess")
        let guess = try #require(s.guesses.first)
        #expect(guess.intent == "logistics" && guess.confidence < engine.options.threshold)
        #expect(guess.evidence.first?.detector == "thread")
        #expect(s.drafts.first?.intent == "logistics", "\(s.drafts.map(\.snippet))")
    }

    @Test func aFollowUpWithAConfidentIntentOfItsOwnIsAnsweredOnItsOwn() {
        let answers = thread(["我的快递到哪了", "能便宜点吗"])
        let s = answers[1]
        #expect(s.intents.first?.intent == "bargain")
        #expect(s.thread?.followUpOf == nil && !s.hedged)
        #expect(s.drafts.first?.intent == "bargain")
        // ...and it becomes the thread's intent.
        var conversation = Conversation(id: "b")
        for m in ["我的快递到哪了", "能便宜点吗"] { conversation.absorb(engine.suggest(m), library: engine.library) }
        #expect(conversation.lastIntent == "bargain")
    }

    /// A thanks in between says nothing about what the buyer asks about.
    @Test func aThanksDoesNotChangeWhatTheThreadIsAbout() {
        let answers = thread(["我的快递到哪了", "谢谢", "怎么样了"])
        #expect(answers[1].intents.first?.intent == "thanks_bye" && answers[1].thread?.followUpOf == nil)
        #expect(answers[2].thread?.followUpOf == "logistics")
    }

    @Test func theFirstMessageOfAThreadIsAnsweredAsOnItsOwn() {
        for text in ["订单号 1234567890，还没发货", "怎么样了", "how to use it"] {
            var r = SuggestionRequest()
            r.thread = Conversation(id: "x").context
            let threaded = engine.suggest(text, r)
            let alone = engine.suggest(text)
            #expect(threaded.drafts == alone.drafts && threaded.guesses == alone.guesses && threaded.intents == alone.intents)
            #expect(threaded.thread == ThreadUse(id: "x", message: 1, carried: [], followUpOf: nil))
            #expect(alone.thread == nil)
        }
    }

    @Test func theJSONRecordNamesTheThreadOnlyForAThread() throws {
        let answers = thread(["我的快递到哪了，订单号 1234567890", "怎么样了"])
        let record = try #require(
            try JSONSerialization.jsonObject(with: Data(SuggestionJSON.record(id: .int(2), answers[1]).utf8)) as? [String: Any])
        let t = try #require(record["thread"] as? [String: Any])
        #expect(t["id"] as? String == "t1" && t["message"] as? Int == 2 && t["follow_up_of"] as? String == "logistics")
        let carried = try #require(t["carried"] as? [[String: Any]])
        #expect(carried.map { $0["kind"] as? String } == ["order_id"] && carried.first?["value"] as? String == "1234567890")
        #expect(record["hedged"] as? Bool == true)
        let alone = SuggestionJSON.record(id: .int(2), engine.suggest("怎么样了"))
        #expect(!alone.contains("\"thread\""))
    }

    // MARK: The thread's values

    func answer(_ entities: [Entity], intents: [String] = []) -> Suggestion {
        let detected = intents.map { DetectedIntent(intent: $0, confidence: 0.9, evidence: []) }
        return Suggestion(
            language: .english, detectedLanguage: .english, intents: detected, candidates: [], entities: entities, tone: .calm, drafts: [],
            usedFallback: false)
    }

    @Test func aNewTrackingNumberAloneForgetsTheOldParcelsCarrierAndStatus() {
        var c = Conversation(id: "p")
        c.absorb(
            answer([
                Entity(kind: .trackingNumber, value: "SF1234567890123"), Entity(kind: .carrier, value: "SF Express"),
                Entity(kind: .parcelStatus, value: "stuck"), Entity(kind: .size, value: "M"),
            ]), library: engine.library)
        c.absorb(answer([Entity(kind: .trackingNumber, value: "7700112233445")]), library: engine.library)
        #expect(c.values.map(\.kind) == [.trackingNumber, .size])
        #expect(c.values.first?.value == "7700112233445")
    }

    @Test func aValueTheExtractorCannotVouchForDropsTheEarlierOne() {
        var c = Conversation(id: "a")
        c.absorb(answer([Entity(kind: .orderID, value: "1234567890")]), library: engine.library)
        c.absorb(answer([Entity(kind: .orderID, value: "12345", attributes: ["ambiguous": "yes"])]), library: engine.library)
        #expect(c.values.isEmpty, "a draft must not quote the old number against what the buyer just wrote")
        #expect(c.messages == 2)
    }

    @Test func theFirstValueOfAKindInAMessageIsKept() {
        var c = Conversation(id: "f")
        c.absorb(
            answer([Entity(kind: .orderID, value: "1111111111"), Entity(kind: .orderID, value: "2222222222")], intents: ["logistics"]),
            library: engine.library)
        #expect(c.values.map(\.value) == ["1111111111"])
        #expect(c.lastIntent == "logistics")
        c.answered(intent: "greeting", library: engine.library)
        #expect(c.lastIntent == "logistics", "a secondary intent is not what the thread is about")
        c.answered(intent: "refund_return", library: engine.library)
        #expect(c.lastIntent == "refund_return")
    }
}
