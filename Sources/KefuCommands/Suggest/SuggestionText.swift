import KefuCore

/// The readable form of a suggestion (`kefu suggest --format text`).
enum SuggestionText {
    static func render(id: Int, _ s: Suggestion, explain: Bool) -> String {
        var out = "#\(id) [\(s.language.rawValue)] "
        if let lean = s.thread?.followUpOf {
            out += "guess? follow-up of \(lean)"
        } else if s.hedged {
            out += "guess? " + s.guesses.map { "\($0.intent) \(percent($0.confidence))?" }.joined(separator: ", ")
        } else if s.intents.isEmpty {
            out += "no confident intent"
            if let best = s.candidates.first { out += " (closest: \(best.intent) \(percent(best.confidence)))" }
        } else {
            out += s.intents.map { "\($0.intent) \(percent($0.confidence))" }.joined(separator: ", ")
        }
        if s.tone.upset { out += "  · upset (\(s.tone.cues.joined(separator: " ")))" }
        out += "\n"
        if !s.entities.isEmpty {
            out += "  found: " + s.entities.map { "\($0.kind.rawValue)=\($0.displayValue)" }.joined(separator: "  ") + "\n"
        }
        if let carried = s.thread?.carried, !carried.isEmpty {
            out += "  from earlier: " + carried.map { "\($0.kind.rawValue)=\($0.displayValue)" }.joined(separator: "  ") + "\n"
        }
        for d in s.drafts {
            let flag = d.complete ? "" : "  [fill: \(d.missing.joined(separator: ", "))]"
            out += "  \(d.rank). \(d.kind.rawValue) · \(d.snippet)\(flag)\n"
            for line in d.text.split(separator: "\n", omittingEmptySubsequences: false) {
                out += "     \(line)\n"
            }
            for w in d.warnings { out += "     ⚠ \(w.code): \(w.message)\n" }
            if explain {
                for r in d.explanation { out += "     - \(r)\n" }
            }
        }
        for p in s.pluginsSkipped { out += "  skipped: plugin \(p.id) (\(p.reason): \(p.detail))\n" }
        return out
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}
