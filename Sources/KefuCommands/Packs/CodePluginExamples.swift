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
        var wanted: [String] = []
        var passed = true
        let not = e.absent ? "no " : ""
        if let intent = e.intent {
            wanted.append(e.absent ? "not \(intent)" : "\(intent) in the top 3")
            let found = e.absent ? s.intents.contains { $0.intent == intent } : s.candidates.prefix(3).contains { $0.intent == intent }
            passed = passed && found != e.absent
        }
        if let prefix = e.draft {
            wanted.append("\(not)draft \(prefix)…")
            passed = passed && s.drafts.contains { $0.snippet.hasPrefix(prefix) } != e.absent
        }
        if let code = e.warning {
            wanted.append("\(not)warning \(code)")
            passed = passed && s.drafts.contains { $0.warnings.contains { $0.code == code } } != e.absent
        }
        var got = s.candidates.prefix(3).map { "\($0.intent) \(Int(($0.confidence * 100).rounded()))%" }.joined(separator: ", ")
        if got.isEmpty { got = "nothing" }
        got += "; drafts: " + (s.drafts.isEmpty ? "none" : s.drafts.map(\.snippet).joined(separator: ", "))
        return .init(plugin: plugin, text: e.message, expectation: "expected " + wanted.joined(separator: ", "), passed: passed, got: got)
    }
}
