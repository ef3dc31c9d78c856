/// Whole-word multi-phrase matching for plugins: the core's automaton behind a
/// small public face. Latin phrases match whole words; Chinese phrases match
/// anywhere.
package struct PhraseAutomatonHandle: Sendable {
    private let automaton: PhraseAutomaton
    private let bounded: [(start: Bool, end: Bool)]

    package init(phrases: [String]) {
        let scalars = phrases.map { $0.unicodeScalars.map(\.value) }
        automaton = PhraseAutomaton(phrases: scalars)
        bounded = scalars.map { (start: Script.isWordCharacter($0.first ?? 0), end: Script.isWordCharacter($0.last ?? 0)) }
    }

    /// Calls `found` with the index of each phrase occurring in `text` (folded scalars).
    package func scan(_ text: [UInt32], _ found: (Int) -> Void) {
        automaton.scan(text) { id, start, end in
            if bounded[id].start && start > 0 && Script.isWordCharacter(text[start - 1]) { return }
            if bounded[id].end && end < text.count && Script.isWordCharacter(text[end]) { return }
            found(id)
        }
    }
}
