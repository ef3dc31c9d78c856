import Foundation

/// Detects intents from the packs' trigger phrases, counter-triggers and
/// regular expressions, all compiled into one `PhraseAutomaton`.
package struct PhraseDetector: IntentDetector {
    package let id = CoreDetector.phrases.rawValue

    private enum Role: Sendable {
        case trigger, counter, outside
        case anchor(Int)
    }

    private struct Entry: Sendable {
        var intent: String
        var phrase: String
        var weight: Double
        var role: Role
        /// Latin phrases match whole words: check the characters around the match.
        var wordStart: Bool
        var wordEnd: Bool
        var startsNegated: Bool
    }

    private struct CompiledPattern: Sendable {
        var intent: String
        var regex: PackRegex
    }

    private let automaton: PhraseAutomaton
    private let entries: [[Entry]]
    private let patterns: [CompiledPattern]

    /// How much one full-weight phrase says on its own.
    static let phraseStrength = 0.8
    /// How likely one full-weight `other` trigger makes it that the message
    /// is no shop need: "滴滴行程发票怎么开" is about a taxi ride whatever
    /// 发票 says, but a buyer may still mention a taxi, so not certain.
    static let outsideStrength = 0.75

    package init(library: SnippetLibrary, normalizer: TextNormalizer) {
        var phraseIndex: [[UInt32]: Int] = [:]
        var phrases: [[UInt32]] = []
        var entries: [[Entry]] = []
        var patterns: [CompiledPattern] = []

        func add(_ raw: String, intent: String, weight: Double, role: Role) {
            var text = raw
            var prefixMatch = false
            if case .anchor = role {} else if text.hasSuffix("*") { text.removeLast(); prefixMatch = true }
            let folded = normalizer.normalize(text).scalars
            guard let first = folded.first, let last = folded.last else { return }
            let isAnchor: Bool = { if case .anchor = role { true } else { false } }()
            let entry = Entry(
                intent: intent, phrase: raw, weight: weight, role: role,
                wordStart: !isAnchor && Script.isWordCharacter(first),
                wordEnd: !isAnchor && !prefixMatch && Script.isWordCharacter(last),
                startsNegated: Negation.startsWithNegation(folded))
            if let i = phraseIndex[folded] {
                entries[i].append(entry)
            } else {
                phraseIndex[folded] = phrases.count
                phrases.append(folded)
                entries.append([entry])
            }
        }

        for t in library.otherTriggers { add(t.phrase, intent: otherIntentID, weight: t.weight, role: .outside) }
        for intent in library.intents.values.sorted(by: { $0.id < $1.id }) {
            for t in intent.triggers { add(t.phrase, intent: intent.id, weight: t.weight, role: .trigger) }
            for t in intent.counterTriggers { add(t.phrase, intent: intent.id, weight: t.weight, role: .counter) }
            for p in intent.patterns {
                guard let regex = PackRegex(p.pattern) else { continue }
                add(p.anchor, intent: intent.id, weight: 1, role: .anchor(patterns.count))
                patterns.append(CompiledPattern(intent: intent.id, regex: regex))
            }
        }
        self.automaton = PhraseAutomaton(phrases: phrases)
        self.entries = entries
        self.patterns = patterns
    }

    package func detect(_ message: DetectionInput) -> DetectorReport {
        let text = message.text.scalars
        // A message matches a few phrases of a few intents: short lists,
        // searched by name, cost less than hashing every intent id.
        var hits: [(intent: String, evidence: [Evidence])] = []
        var vetoes: [(intent: String, evidence: [Evidence])] = []
        func add(_ e: Evidence, for intent: String, to list: inout [(intent: String, evidence: [Evidence])]) {
            if let k = list.firstIndex(where: { $0.intent == intent }) { list[k].evidence.append(e) } else { list.append((intent, [e])) }
        }
        var anchored: [Int] = []
        var outside = 0.0

        let detector = id
        automaton.scan(text) { phraseID, start, end in
            for entry in entries[phraseID] {
                if entry.wordStart && start > 0 && Script.isWordCharacter(text[start - 1]) { continue }
                if entry.wordEnd && end < text.count && Script.isWordCharacter(text[end]) { continue }
                switch entry.role {
                case .anchor(let p):
                    if !anchored.contains(p) { anchored.append(p) }
                case .counter:
                    add(Evidence(detector: detector, detail: entry.phrase, weight: entry.weight), for: entry.intent, to: &vetoes)
                case .outside:
                    outside = max(outside, Self.outsideStrength * entry.weight)
                case .trigger:
                    if !entry.startsNegated && Negation.isNegated(text, phraseStart: start) { continue }
                    add(Evidence(detector: detector, detail: entry.phrase, weight: entry.weight), for: entry.intent, to: &hits)
                }
            }
        }
        if !anchored.isEmpty {
            let folded = message.text.folded
            for p in anchored.sorted() {
                let pattern = patterns[p]
                // A pattern over its step budget says nothing for this message.
                if case .match(let matched) = pattern.regex.firstMatch(in: folded) {
                    add(
                        Evidence(detector: detector, detail: "/\(pattern.regex.pattern)/ ← \(matched)", weight: 1), for: pattern.intent,
                        to: &hits)
                }
            }
        }

        var signals: [IntentSignal] = []
        for (intent, evidence) in hits {
            // Independent phrases add up like independent witnesses; a phrase
            // contained in a longer matched one ("收到" inside "没收到") still counts.
            var unique: [(detail: String, weight: Double)] = []
            for e in evidence {
                if let k = unique.firstIndex(where: { $0.detail == e.detail }) {
                    unique[k].weight = max(unique[k].weight, e.weight)
                } else {
                    unique.append((e.detail, e.weight))
                }
            }
            let miss = unique.reduce(1.0) { $0 * (1 - Self.phraseStrength * $1.weight) }
            signals.append(IntentSignal(intent: intent, score: 1 - miss, evidence: evidence))
        }
        for (intent, evidence) in vetoes {
            signals.append(IntentSignal(intent: intent, score: 1, isVeto: true, evidence: evidence))
        }
        return DetectorReport(signals: signals, noIntent: outside > 0 ? outside : nil)
    }
}
