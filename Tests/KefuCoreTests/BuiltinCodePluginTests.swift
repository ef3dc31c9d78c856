import KefuPlugins
import Testing

@testable import KefuCore

/// The registered built-in code plugins, run inside the engine with the built-in packs.
@Suite struct BuiltinCodePluginTests {
    static let plugins = BuiltinPlugins.loaded()
    static let engine = Engine(
        library: BuiltinEngine.library, detectorFactories: plugins.parts.detectorFactories,
        providers: plugins.parts.providers, checks: plugins.parts.checks)

    @Test func everyPluginDeclaresItselfOnce() {
        let ids = BuiltinPlugins.all.map(\.declaration.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids).isSuperset(of: ["tone", "logistics", "upsell", "compliance"]))
        #expect(Self.plugins.failures.isEmpty)
        #expect(BuiltinPlugins.all.allSatisfy { !$0.declaration.provides.isEmpty && !$0.declaration.version.isEmpty })
    }

    @Test func declaredExamplesHold() {
        for plugin in BuiltinPlugins.all {
            for e in plugin.examples {
                let s = Self.engine.suggest(e.message, SuggestionRequest(recordVariables: e.variables))
                if let intent = e.intent {
                    let found =
                        e.absent ? s.intents.contains { $0.intent == intent } : s.candidates.prefix(3).contains { $0.intent == intent }
                    #expect(found != e.absent, "\(plugin.declaration.id): \(e.message)")
                }
                if let draft = e.draft {
                    #expect(s.drafts.contains { $0.snippet.hasPrefix(draft) } != e.absent, "\(plugin.declaration.id): \(e.message)")
                }
            }
        }
    }

    @Test func warningsReachDrafts() {
        let s = Self.engine.suggest("在吗")
        #expect(s.drafts.contains { $0.warnings.contains { $0.code == "compliance:placeholder" } })
        let filled = Self.engine.suggest("在吗", SuggestionRequest(variables: ["shop": "小店", "agent": "小美"]))
        #expect(!filled.drafts.contains { $0.warnings.contains { $0.code == "compliance:placeholder" } })
    }

    @Test func disabledPluginsContributeNothing() {
        let off = BuiltinPlugins.loaded(disabled: ["logistics", "COMPLIANCE"])
        #expect(off.parts.providers.allSatisfy { $0.id != "logistics" })
        #expect(off.parts.checks.isEmpty)
        #expect(off.statuses.filter { $0.state == .disabled }.count == 2)
    }
}
