import Foundation
import KefuTestSupport
import Testing

@testable import KefuCore

@Suite struct LearnedStoreTests {
    let normalizer = TextNormalizer()

    func vote(_ store: LearnedStore, _ text: String, _ intent: String, _ source: LearnedExample.Source = .copy, at second: Int = 0) throws
        -> (LearnedExample, LearnedStore.Outcome)
    {
        let n = normalizer.normalize(text)
        return try store.vote(
            text: text, folded: n.folded, language: n.language, intent: intent, source: source,
            now: Date(timeIntervalSince1970: 1_800_000_000 + Double(second)))
    }

    @Test func theSameMessageIsOneExampleThatGainsVotesUntilConfirmed() throws {
        let folder = try Sandbox()
        let store = LearnedStore(directory: folder.path)
        var (e, outcome) = try vote(store, "咕噜咕噜呢", "parcel")
        #expect(outcome == .added && e.votes == 1 && !e.confirmed && e.weight == LearningPolicy.unconfirmedWeight)
        // Case and script do not make another example.
        (e, outcome) = try vote(store, "咕嚕咕嚕呢", "parcel")
        #expect(outcome == .voted(confirmedNow: false) && e.votes == 2)
        (e, outcome) = try vote(store, "咕噜咕噜呢", "parcel")
        #expect(outcome == .voted(confirmedNow: true) && e.confirmed && e.weight == 1)
        #expect(try store.examples().count == 1)
        #expect(FilePermissions.of(store.storePath) == 0o600 && FilePermissions.of(store.packPath) == 0o600)
    }

    @Test func aCorrectionTakesTheMessageFromTheOtherIntentACopyDoesNot() throws {
        let folder = try Sandbox()
        let store = LearnedStore(directory: folder.path)
        _ = try vote(store, "能不能今天到", "parcel")
        _ = try vote(store, "能不能今天到", "ship")
        #expect(Set(try store.examples().map(\.intent)) == ["parcel", "ship"])
        _ = try vote(store, "能不能今天到", "ship", .correction)
        #expect(try store.examples().map(\.intent) == ["ship"])
        let (label, _) = try vote(store, "能不能今天到", "parcel", .label)
        #expect(try store.examples().map(\.intent) == ["parcel"] && label.source == .label)
    }

    @Test func pastTheCapTheStalestUnconfirmedExamplesGoFirst() throws {
        let folder = try Sandbox()
        let store = LearnedStore(directory: folder.path, cap: 3)
        let n = normalizer.normalize("第一条老的")
        try store.vote(
            text: "第一条老的", folded: n.folded, language: .simplifiedChinese, intent: "parcel", source: .label, votes: 3,
            now: Date(timeIntervalSince1970: 1_800_000_000))
        _ = try vote(store, "第二条", "parcel", at: 10)
        _ = try vote(store, "第三条", "parcel", at: 20)
        _ = try vote(store, "第四条", "parcel", at: 30)
        let texts = try store.examples().map(\.text)
        #expect(texts == ["第一条老的", "第三条", "第四条"], "the confirmed one stays though oldest: \(texts)")
        // Ids are never reused.
        _ = try vote(store, "第五条", "parcel", at: 40)
        #expect(try store.examples().map(\.id).max() == 5)
    }

    @Test func forgettingRemovesByID() throws {
        let folder = try Sandbox()
        let store = LearnedStore(directory: folder.path)
        let (a, _) = try vote(store, "一", "parcel")
        _ = try vote(store, "二", "parcel")
        #expect(try store.forget([a.id, 99]).map(\.id) == [a.id])
        #expect(try store.examples().map(\.text) == ["二"])
        #expect(!(try String(contentsOfFile: store.packPath, encoding: .utf8)).contains("\"一\""))
    }

    /// Two REPLs teaching at once take turns: no example is lost.
    @Test func concurrentVotesAreAllKept() throws {
        let folder = try Sandbox()
        let path = folder.path
        DispatchQueue.concurrentPerform(iterations: 4) { w in
            let store = LearnedStore(directory: path)
            let normalizer = TextNormalizer()
            for i in 0..<15 {
                let n = normalizer.normalize("消息 \(w) 号 \(i)")
                _ = try? store.vote(text: "消息 \(w) 号 \(i)", folded: n.folded, language: n.language, intent: "parcel", source: .copy)
            }
        }
        #expect(try LearnedStore(directory: folder.path).examples().count == 60)
    }

    @Test func anUnreadableStoreIsReportedNotOverwritten() throws {
        let folder = try Sandbox()
        let store = LearnedStore(directory: folder.path)
        try PrivateFiles.makeDirectory(folder.path)
        try Data("not json".utf8).write(to: URL(fileURLWithPath: store.storePath))
        #expect(throws: PrivateFileError.self) { try vote(store, "一", "parcel") }
        #expect(try String(contentsOfFile: store.storePath, encoding: .utf8) == "not json")
    }
}

/// The learned pack as the engine reads it, and what an unconfirmed
/// example weighs.
@Suite struct LearnedPackTests {
    let normalizer = TextNormalizer()

    func example(_ id: Int, _ text: String, _ intent: String, votes: Int) -> LearnedExample {
        LearnedExample(
            id: id, intent: intent, text: text, folded: normalizer.normalize(text).folded, language: normalizer.normalize(text).language,
            votes: votes, source: .copy, learned: "", lastVote: "")
    }

    func engine(_ examples: [LearnedExample], cache: String? = nil) -> Engine {
        var options = Engine.Options()
        options.modelCache = cache
        let learned = PackSource(path: "/state/kefu/learned/learned.yaml", text: LearnedPack.yaml(examples), layer: .learned)
        return Engine(library: TestPack.library(extra: [learned]), options: options)
    }

    @Test func thePackParsesWithWeightsAndHostileText() throws {
        let hostile = "a \"quoted\" \\ {{shop}} #not-a-comment\n: - [x]"
        let yaml = LearnedPack.yaml([
            example(1, "咕噜咕噜呢", "parcel", votes: 1), example(2, hostile, "parcel", votes: 3), example(3, "今天天气真好", otherIntentID, votes: 3),
        ])
        let result = PackParser().parse(yaml, file: "learned.yaml", layer: .learned)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)\n\(yaml)")
        let pack = try #require(result.pack)
        let parcel = try #require(pack.intents.first { $0.id == "parcel" })
        #expect(parcel.extends)
        #expect(parcel.examples.map(\.text) == ["咕噜咕噜呢", hostile])
        #expect(parcel.examples.map(\.weight) == [LearningPolicy.unconfirmedWeight, 1])
        #expect(pack.intents.contains { $0.id == otherIntentID })
    }

    @Test func aWeightOutOfRangeIsAPackError() {
        let yaml =
            "pack: {id: t, name: t, version: '1'}\nintents:\n  - id: x\n    description: x\n    examples:\n      en: [{text: hi there, weight: 2}]\n"
        #expect(PackParser().parse(yaml, file: "t.yaml", layer: .user).diagnostics.contains { $0.message.contains("weight") })
    }

    @Test func aLearnedExampleOfAMissingIntentWaitsWithoutBreakingThePack() {
        let library = TestPack.library(extra: [
            PackSource(
                path: "/l/learned.yaml",
                text: LearnedPack.yaml([example(1, "一", "gone.intent", votes: 1), example(2, "咕噜咕噜呢", "parcel", votes: 1)]), layer: .learned
            )
        ])
        #expect(library.failures.isEmpty, "\(library.diagnostics)")
        #expect(library.intents["parcel"]?.examples.contains { $0.text == "咕噜咕噜呢" } == true)
    }

    /// One vote answers the message as a guess; confirmed, as a pack
    /// example would; and a wrong vote does not move a message that
    /// phrases decide.
    @Test func anUnconfirmedExampleWeighsLessThanAConfirmedOne() throws {
        let message = "咕噜咕噜呢"
        let none = engine([]).analyse(message)
        #expect(!none.candidates.contains { $0.intent == "parcel" })
        let once = engine([example(1, message, "parcel", votes: 1)]).analyse(message)
        let confirmed = engine([example(1, message, "parcel", votes: 3)]).analyse(message)
        let c1 = try #require(once.candidates.first { $0.intent == "parcel" }).confidence
        let c3 = try #require(confirmed.candidates.first { $0.intent == "parcel" }).confidence
        #expect(c1 < c3, "\(c1) vs \(c3)")
        #expect(confirmed.intents.first?.intent == "parcel")
        // A wrong click: "我要退款" (refund phrases) learned once as parcel.
        let wrong = engine([example(1, "我要退款", "parcel", votes: 1)]).analyse("我要退款")
        #expect(wrong.intents.first?.intent == "money_back", "\(wrong.intents)")
        #expect(!wrong.intents.contains { $0.intent == "parcel" }, "\(wrong.intents)")
    }

    @Test func unconfirmedExamplesAreNotTrainedIntoTheModel() {
        let base = TestPack.library()
        let once = TestPack.library(extra: [
            PackSource(path: "/l/learned.yaml", text: LearnedPack.yaml([example(1, "咕噜咕噜呢", "parcel", votes: 1)]), layer: .learned)
        ])
        let confirmed = TestPack.library(extra: [
            PackSource(path: "/l/learned.yaml", text: LearnedPack.yaml([example(1, "咕噜咕噜呢", "parcel", votes: 3)]), layer: .learned)
        ])
        // Same training set, same cached model: one click costs no retraining.
        #expect(LinearModelStore.fingerprint(of: once) == LinearModelStore.fingerprint(of: base))
        #expect(LinearModelStore.fingerprint(of: confirmed) != LinearModelStore.fingerprint(of: base))
    }
}
