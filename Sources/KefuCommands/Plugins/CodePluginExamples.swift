import KefuCore

/// `kefu test` for code plugins: the examples each loaded plugin declares,
/// run through the session's engine (packs, code and external plugins).
enum CodePluginExamples {
    static func run(_ session: PluginSession) -> [ExternalPluginExamples.Case] {
        var cases: [ExternalPluginExamples.Case] = []
        for status in session.codePlugins.statuses {
            let id = status.declaration.id
            switch status.state {
            case .disabled: continue
            case .failed:
                cases.append(.init(plugin: id, text: "(load)", expectation: "plugin loads", passed: false, got: status.detail ?? "failed"))
                continue
            case .loaded: break
            }
            for e in status.examples { cases.append(run(e, plugin: id, session)) }
        }
        return cases
    }

    static func run(_ e: PluginExample, plugin: String, _ session: PluginSession) -> ExternalPluginExamples.Case {
        let s = session.suggest(e.message, SuggestionRequest(recordVariables: e.variables, maxDrafts: 5))
        let (passed, expectation) = e.evaluate(s)
        var got = s.candidates.prefix(3).map { "\($0.intent) \(Int(($0.confidence * 100).rounded()))%" }.joined(separator: ", ")
        if got.isEmpty { got = "nothing" }
        got += "; drafts: " + (s.drafts.isEmpty ? "none" : s.drafts.map(\.snippet).joined(separator: ", "))
        return .init(plugin: plugin, text: e.message, expectation: expectation, passed: passed, got: got)
    }
}
