import Testing

@testable import KefuCore

/// Draft providers and checks inside `Engine.suggest`.
@Suite struct PluginProtocolTests {
    struct Provider: DraftProvider {
        let id = "fake"
        func contribute(_ c: DraftContext) -> DraftContribution {
            guard c.confidence(of: "parcel") != nil else { return .none }
            return DraftContribution(
                drafts: [
                    ProvidedDraft(
                        id: "fake.top", intent: "parcel", kind: .logistics, priority: 100, text: "computed \(c.values["order_id"] ?? "-")",
                        explanation: ["test"])
                ],
                variables: ["order_id": "P-1"])
        }
    }

    struct Blocker: DraftCheck {
        let id = "blocker"
        func check(_ d: Draft, message: NormalizedText) -> DraftVerdict {
            if d.snippet == "fake.top" { return DraftVerdict(warnings: [DraftWarning(code: "blocker:x", message: "x")], block: true) }
            return d.text.contains("right away") ? DraftVerdict(warnings: [DraftWarning(code: "blocker:note", message: "noted")]) : .pass
        }
    }

    func engine(providers: [any DraftProvider] = [], checks: [any DraftCheck] = []) -> Engine {
        Engine(library: TestPack.library(), providers: providers, checks: checks)
    }

    @Test func providedDraftsAreRankedWithPackDrafts() {
        let s = engine(providers: [Provider()]).suggest("where is my parcel")
        let d = s.drafts.first { $0.snippet == "fake.top" }
        #expect(d != nil)
        #expect(d?.intent == "parcel")
        #expect(d?.explanation.contains("test") == true)
        #expect(d?.source.file == "plugin:fake")
        #expect(s.drafts.map(\.rank) == Array(1...s.drafts.count))
    }

    @Test func providedVariablesFillPackTemplatesButNeverOverride() {
        let s = engine(providers: [Provider()]).suggest("where is my parcel", SuggestionRequest(maxDrafts: 10))
        #expect(s.drafts.first { $0.snippet == "parcel.need-order" }?.text == "Could you confirm order P-1?")
        let given = engine(providers: [Provider()]).suggest(
            "where is my parcel", SuggestionRequest(variables: ["order_id": "A-9"], maxDrafts: 10))
        #expect(given.drafts.first { $0.snippet == "parcel.need-order" }?.text == "Could you confirm order A-9?")
    }

    @Test func providersDoNotAnswerOtherIntents() {
        let s = engine(providers: [Provider()]).suggest("the cup arrived broken")
        #expect(!s.drafts.contains { $0.snippet.hasPrefix("fake.") })
    }

    @Test func checksWarnAndBlock() {
        let s = engine(providers: [Provider()], checks: [Blocker()]).suggest("where is my parcel", SuggestionRequest(maxDrafts: 2))
        #expect(!s.drafts.contains { $0.snippet == "fake.top" })
        #expect(s.drafts.count == 2)
        #expect(s.drafts.first?.warnings == [DraftWarning(code: "blocker:note", message: "noted")])
        #expect(s.drafts.map(\.rank) == [1, 2])
    }

    @Test func withoutPluginsOutputIsUnchanged() {
        let plain = engine().suggest("where is my parcel")
        let checked = engine(checks: [PassCheck()]).suggest("where is my parcel")
        #expect(plain.drafts == checked.drafts)
    }

    struct PassCheck: DraftCheck {
        let id = "pass"
        func check(_ d: Draft, message: NormalizedText) -> DraftVerdict { .pass }
    }

    @Test func pluginSetReportsDisabledAndFailed() {
        struct Broken: CodePlugin {
            let declaration = PluginDeclaration(id: "broken", version: "0.1", summary: "", provides: [.draftCheck])
            func load(_ s: PluginSettings) throws -> PluginParts {
                throw Diagnostic("bad", at: SourceLocation(file: "c.yaml", line: 3, column: 5))
            }
        }
        struct Fine: CodePlugin {
            let declaration = PluginDeclaration(id: "fine", version: "1", summary: "", provides: [.draftCheck])
            func load(_ s: PluginSettings) throws -> PluginParts { PluginParts(checks: [PassCheck()]) }
        }
        let set = CodePluginSet([Broken(), Fine(), Fine()], disabled: ["fine"])
        #expect(set.statuses.map(\.state) == [.failed, .disabled, .disabled])
        #expect(set.statuses[0].detail == "c.yaml:3:5: error: bad")
        #expect(set.parts.checks.isEmpty)
        #expect(CodePluginSet([Fine()]).parts.checks.count == 1)
    }

    @Test func settingsKindsAreChecked() {
        #expect(PluginSettings.problem("16:00", for: .timeOfDay) == nil)
        #expect(PluginSettings.problem("25:00", for: .timeOfDay) != nil)
        #expect(PluginSettings.problem("7", for: .integer) == nil)
        #expect(PluginSettings.problem("seven", for: .integer) != nil)
        #expect(PluginSettings.problem("maybe", for: .boolean) != nil)
        let s = PluginSettings(
            values: ["c": .init(text: "catalog.yaml", location: SourceLocation(file: "x", line: 1, column: 1))], folder: "/etc/kefu")
        #expect(s.path("c") == "/etc/kefu/catalog.yaml")
    }
}
