extension PluginExample {
    /// Whether `answer` (the engine's answer to `message`) is what the
    /// example expects, and the expectation in words: the one rule `kefu
    /// test` and the test suite hold code plugins' examples to.
    package func evaluate(_ answer: Suggestion) -> (passed: Bool, expectation: String) {
        var wanted: [String] = []
        var passed = true
        let not = absent ? "no " : ""
        if let intent {
            wanted.append(absent ? "not \(intent)" : "\(intent) in the top 3")
            let found =
                absent ? answer.intents.contains { $0.intent == intent } : answer.candidates.prefix(3).contains { $0.intent == intent }
            passed = passed && found != absent
        }
        if let draft {
            wanted.append("\(not)draft \(draft)…")
            passed = passed && answer.drafts.contains { $0.snippet.hasPrefix(draft) } != absent
        }
        if let warning {
            wanted.append("\(not)warning \(warning)")
            passed = passed && answer.drafts.contains { $0.warnings.contains { $0.code == warning } } != absent
        }
        return (passed, "expected " + wanted.joined(separator: ", "))
    }
}
