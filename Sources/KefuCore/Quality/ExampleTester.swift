/// Runs the examples packs carry, like a linter runs the triggering and
/// non-triggering examples each rule carries (`kefu test`).
///
/// Each example is tested as if unseen: the classifier leaves the example
/// itself out of its neighbours, so an example passes only when the rest of
/// the library recognises it. An example passes when its intent is among the
/// top three candidates; a counter-example fails when its intent is
/// confidently detected; an `other` example fails when any intent is.
/// A built-in pack's example is judged on the built-in intents only: a
/// shop's packs and plugins never make a built-in example fail (their own
/// examples are where a shop's trigger words are tested).
package struct ExampleTester {
    package struct Case: Sendable {
        package enum Kind: String, Sendable {
            case example
            case counterExample = "counter_example"
            case other
        }
        package var kind: Kind
        package var intent: String
        package var text: String
        package var location: SourceLocation
        package var passed: Bool
        /// What kefu detected instead, for the report.
        package var got: [DetectedIntent]
    }

    package let engine: Engine

    package init(engine: Engine) { self.engine = engine }

    /// Tests the examples of intents declared in packs whose source is in
    /// `sources` (all packs when nil).
    package func run(sources: Set<String>? = nil) -> [Case] {
        var cases: [Case] = []
        func included(_ location: SourceLocation) -> Bool { sources.map { $0.contains(location.file) } ?? true }
        let builtInIntents = Set(engine.library.intents.values.filter(\.location.isBuiltIn).map(\.id))
        func judged(_ found: [DetectedIntent], _ example: SourceLocation) -> [DetectedIntent] {
            example.isBuiltIn ? found.filter { builtInIntents.contains($0.intent) } : found
        }
        for intent in engine.library.intents.values.sorted(by: { $0.id < $1.id }) {
            for e in intent.examples where included(e.location) {
                let key = ExampleKey(intent: intent.id, folded: engine.normalizer.normalize(e.text).folded, builtIn: e.location.isBuiltIn)
                let a = engine.analyse(e.text, heldOutExample: key)
                let passed = judged(a.candidates, e.location).prefix(3).contains { $0.intent == intent.id }
                cases.append(Case(kind: .example, intent: intent.id, text: e.text, location: e.location, passed: passed, got: a.candidates))
            }
            for e in intent.counterExamples where included(e.location) {
                let key = ExampleKey(intent: intent.id, folded: engine.normalizer.normalize(e.text).folded, builtIn: e.location.isBuiltIn)
                let a = engine.analyse(e.text, heldOutExample: key)
                let passed = !a.intents.contains { $0.intent == intent.id }
                cases.append(
                    Case(kind: .counterExample, intent: intent.id, text: e.text, location: e.location, passed: passed, got: a.intents))
            }
        }
        for e in engine.library.otherExamples where included(e.location) {
            let key = ExampleKey(intent: otherIntentID, folded: engine.normalizer.normalize(e.text).folded, builtIn: e.location.isBuiltIn)
            let a = engine.analyse(e.text, heldOutExample: key)
            cases.append(
                Case(
                    kind: .other, intent: otherIntentID, text: e.text, location: e.location, passed: judged(a.intents, e.location).isEmpty,
                    got: a.intents))
        }
        return cases
    }
}
