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

    /// Every built-in code plugin's examples, one case each, judged by the
    /// rule `kefu test` uses (`PluginExample.evaluate`, warnings included).
    static let examples: [(plugin: String, example: PluginExample)] = BuiltinPlugins.all.flatMap { p in
        p.examples.map { (p.declaration.id, $0) }
    }

    @Test(arguments: examples)
    func declaredExampleHolds(plugin: String, example: PluginExample) {
        let s = Self.engine.suggest(example.message, SuggestionRequest(recordVariables: example.variables))
        let (passed, expectation) = example.evaluate(s)
        #expect(
            passed,
            "\(plugin): “\(example.message)” \(expectation); got \(s.candidates.prefix(3).map(\.intent)), \(s.drafts.map(\.snippet))")
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
