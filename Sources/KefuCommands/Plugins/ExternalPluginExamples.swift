import KefuCore
import KefuExternalPlugins

/// `kefu test` for external plugins: the examples each plugin declares in
/// its `hello`, run for real through the session's engine and plugins.
enum ExternalPluginExamples {
    struct Case {
        var plugin: String
        var text: String
        var expectation: String
        var passed: Bool
        var got: String
    }

    static func run(_ session: PluginSession) -> [Case] {
        var cases: [Case] = []
        for status in session.host.statuses {
            if status.turnedOff { continue }
            guard let d = status.declaration, status.state == .loaded else {
                cases.append(
                    Case(
                        plugin: status.id, text: "(start-up)", expectation: "plugin loads", passed: false,
                        got: status.detail ?? status.state.rawValue))
                continue
            }
            for e in d.examples {
                if let text = e.text { cases.append(message(text, e, d, session)) }
                if let draft = e.checkText { cases.append(check(draft, e, d, session)) }
            }
        }
        return cases
    }

    /// A buyer message through the whole engine, held out of the classifier
    /// like a pack example (the plugin's examples also train it).
    private static func message(
        _ text: String, _ e: ExternalPluginDeclaration.DeclaredExample, _ d: ExternalPluginDeclaration, _ session: PluginSession
    ) -> Case {
        let folded = session.engine.normalizer.normalize(text).folded
        let held = e.intents.first.map { ExampleKey(intent: $0, folded: folded) }
        let s = session.suggest(text, SuggestionRequest(maxDrafts: 5, heldOutExample: held))
        var wanted: [String] = []
        var passed = true
        for intent in e.intents {
            wanted.append("\(intent) in the top 3")
            passed = passed && s.candidates.prefix(3).contains { $0.intent == intent }
        }
        for intent in e.notIntents {
            wanted.append("not \(intent)")
            passed = passed && !s.intents.contains { $0.intent == intent }
        }
        if let prefix = e.draft {
            wanted.append("a draft \(prefix)…")
            passed = passed && s.drafts.contains { $0.snippet.hasPrefix(prefix) }
        }
        let skipped = s.pluginsSkipped.filter { $0.id == d.id }
        if !skipped.isEmpty { passed = false }
        var got = s.candidates.prefix(3).map { "\($0.intent) \(Int(($0.confidence * 100).rounded()))%" }.joined(separator: ", ")
        if got.isEmpty { got = "nothing" }
        if e.draft != nil { got += "; drafts: " + (s.drafts.map(\.snippet).joined(separator: ", ").nonEmpty ?? "none") }
        for p in skipped { got += "; plugin skipped (\(p.reason): \(p.detail))" }
        return Case(plugin: d.id, text: text, expectation: "expected " + wanted.joined(separator: ", "), passed: passed, got: got)
    }

    /// A draft text given to this plugin's check alone.
    private static func check(
        _ draft: String, _ e: ExternalPluginDeclaration.DeclaredExample, _ d: ExternalPluginDeclaration, _ session: PluginSession
    ) -> Case {
        let message = session.engine.normalizer.normalize(draft)
        let language = message.language
        let r = session.host.check(
            [.init(snippet: "example", intent: nil, kind: "answer", language: language, text: draft)], message: message, only: d.id)
        let verdict = r.results.first
        let codes = (verdict?.warnings ?? []).map { String($0.code.dropFirst(d.id.count + 1)) }
        var wanted: [String] = []
        // One draft, blocked as the example expects: not a skip.
        let skipped = r.skipped.filter { $0.reason != .blockedEveryDraft }
        var passed = skipped.isEmpty && verdict != nil
        if let w = e.warning {
            wanted.append(w == "clean" ? "no warning" : "warning \(w)")
            passed = passed && (w == "clean" ? codes.isEmpty : codes.contains(w))
        }
        if let b = e.block {
            wanted.append(b ? "blocked" : "not blocked")
            passed = passed && verdict?.block == b
        }
        var got = codes.isEmpty ? "no warning" : "warnings " + codes.joined(separator: ", ")
        if verdict?.block == true { got += ", blocked" }
        for p in skipped { got = "plugin skipped (\(p.reason.rawValue): \(p.detail))" }
        return Case(plugin: d.id, text: draft, expectation: "check: expected " + wanted.joined(separator: ", "), passed: passed, got: got)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
