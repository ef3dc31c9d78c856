import KefuCore

/// How drafts, headers and explanations look on the screen.
enum DraftView {
    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }

    static func languageName(_ l: Language) -> String {
        switch l {
        case .simplifiedChinese: "简体"
        case .traditionalChinese: "繁體"
        case .english: "English"
        }
    }

    /// `logistics 94% · item_problem 71%   zh-Hans 简体   upset: 骗子 !!!`
    static func header(_ s: Suggestion, forced: Language?, into c: inout Canvas) {
        c.text("● ", .dim)
        if s.usedFallback {
            c.text("no confident intent", .warning)
            if let best = s.candidates.first {
                c.text(" (closest: \(best.intent) \(percent(best.confidence)))", .dim)
            }
            c.text(" — generic drafts", .dim)
        } else if let lean = s.thread?.followUpOf {
            followUp(lean, into: &c)
        } else if s.hedged {
            // A guess: the agent reads before copying.
            c.text("? ", .warning)
            for (i, intent) in s.guesses.enumerated() {
                if i > 0 { c.text(" · ", .dim) }
                c.text(intent.intent, .intent)
                c.text(" " + percent(intent.confidence) + "?", .warning)
            }
            c.text(" — a guess, not sure", .dim)
        } else {
            for (i, intent) in s.intents.enumerated() {
                if i > 0 { c.text(" · ", .dim) }
                c.text(intent.intent, .intent)
                c.text(" " + percent(intent.confidence))
            }
        }
        c.text("   ")
        c.text(s.language.rawValue + " " + languageName(s.language), .bold)
        if forced != nil, s.detectedLanguage != s.language {
            c.text(" (buyer wrote \(s.detectedLanguage.rawValue))", .dim)
        }
        if s.tone.upset {
            c.text("   upset", .error)
            if !s.tone.cues.isEmpty { c.text(": " + s.tone.cues.prefix(4).joined(separator: " "), .warning) }
        }
        c.newline()
        if !s.entities.isEmpty {
            c.text("  found ", .dim)
            c.text(entitySummary(s.entities))
            c.newline()
        }
        carried(s, into: &c)
        skippedPlugins(s, into: &c)
    }

    /// `order_id=A123  size=XL`: each value once, at most `limit` of them (a
    /// long paste can repeat the same order number hundreds of times).
    static func entitySummary(_ entities: [Entity], limit: Int = 8) -> String {
        var seen = Set<String>()
        let unique = entities.map { "\($0.kind.rawValue)=\($0.displayValue)" }.filter { seen.insert($0).inserted }
        let shown = unique.prefix(limit).joined(separator: "  ")
        return unique.count > limit ? shown + "  … (\(unique.count - limit) more)" : shown
    }

    /// Numbered drafts, each with its kind, the full text wrapped to the
    /// terminal, ⟨placeholders⟩ highlighted and the blanks named. `label`
    /// gives a draft a line of its own above its text (a found snippet's
    /// id and intent).
    static func drafts(_ drafts: ArraySlice<Draft>, width: Int, label: ((Draft) -> String?)? = nil, into c: inout Canvas) {
        guard !drafts.isEmpty else { return }
        let numberWidth = String(drafts.map(\.rank).max() ?? 1).count
        let kindWidth = min(10, drafts.map { $0.kind.rawValue.count }.max() ?? 0)
        let indent = 1 + numberWidth + 1 + kindWidth + 2
        let sideBySide = width - indent >= 24
        let textIndent = sideBySide ? indent : numberWidth + 3
        let textWidth = max(10, width - textIndent - 1)
        for d in drafts {
            let number = String(d.rank)
            c.spaces(1 + numberWidth - number.count)
            c.text(number, .number)
            c.spaces(1)
            let kind = d.kind.rawValue
            c.text(kind, .kind)
            let lines = DisplayWidth.wrap(Canvas.inert(d.text).trimmingTrailingNewlines, width: textWidth)
            if sideBySide {
                c.spaces(kindWidth - kind.count + 2)
            } else {
                c.newline()
                c.spaces(textIndent)
            }
            if let label = label?(d) {
                for (i, line) in DisplayWidth.wrap(Canvas.oneLine(label), width: textWidth).enumerated() {
                    if i > 0 { c.spaces(textIndent) }
                    c.line(line, .dim)
                }
                c.spaces(textIndent)
            }
            for (i, line) in lines.enumerated() {
                if i > 0 { c.newline(); c.spaces(textIndent) }
                c.textMarkingPlaceholders(line)
            }
            c.newline()
            if !d.complete {
                c.spaces(textIndent)
                c.text("fill: " + d.missing.map { "⟨\($0)⟩" }.joined(separator: " "), .warning)
                c.newline()
            }
            // What draft checks found (compliance, plugins): read before copying.
            // Wrapped like the draft: a long warning never overflows the window.
            // A check's `…:placeholder` warning names the blanks the `fill:`
            // line above already shows: said once.
            for w in d.warnings where d.complete || !w.code.hasSuffix(":placeholder") {
                let lines = DisplayWidth.wrap("⚠ " + Canvas.oneLine(w.message) + "  " + Canvas.oneLine(w.code), width: textWidth)
                for line in lines {
                    c.spaces(textIndent)
                    c.text(line, .warning)
                    c.newline()
                }
            }
        }
    }

    /// `plugin preorder skipped: timeout` lines: a missing contribution is
    /// never a silent mystery.
    static func skippedPlugins(_ s: Suggestion, into c: inout Canvas) {
        for p in s.pluginsSkipped {
            c.text("  plugin \(Canvas.oneLine(p.id)) skipped: \(Canvas.oneLine(p.reason))", .dim)
            if !p.detail.isEmpty { c.text(" (\(Canvas.oneLine(p.detail)))", .dim) }
            c.newline()
        }
    }

    /// The one-line key reminder under the drafts.
    static func hint(count: Int, canCombine: Bool, width: Int, into c: inout Canvas) {
        var parts = [count > 1 ? "1-\(count) or Enter: copy" : "1 or Enter: copy", "e N edit", "v N $EDITOR"]
        if canCombine { parts.append("1+2 combine") }
        parts += ["m more", "? N why", ":help"]
        var line = ""
        for p in parts {
            let candidate = line.isEmpty ? p : line + " · " + p
            if DisplayWidth.of(candidate) + 2 > width { break }
            line = candidate
        }
        c.line("  " + line, .dim)
    }

    /// Why a draft was offered: its reasons, the intent's evidence, the values used.
    static func explanation(_ d: Draft, in s: Suggestion?, width: Int, into c: inout Canvas) {
        c.text("draft \(d.rank)", .number)
        c.text(" · " + d.snippet, .bold)
        c.text(" · \(d.kind.rawValue) · score \(d.score)")
        c.newline()
        c.line("  written at \(d.source)", .dim)
        if let intentID = d.intent {
            // A follow-up's intent is a guess with the thread's evidence.
            let intent =
                s?.intents.first { $0.intent == intentID } ?? s?.guesses.first { $0.intent == intentID }
                ?? s?.candidates.first { $0.intent == intentID }
            c.text("  answers ")
            c.text(intentID, .intent)
            if let intent {
                c.text(" " + percent(intent.confidence))
                c.newline()
                evidence(intent.evidence, indent: "    ", into: &c)
            } else {
                c.newline()
            }
        } else {
            c.line("  answers no one intent (generic or asked for)")
        }
        if !d.explanation.isEmpty {
            c.line("  ranked because:", .dim)
            for r in d.explanation {
                for (i, l) in DisplayWidth.wrap(r, width: max(20, width - 8)).enumerated() {
                    c.text(i == 0 ? "    - " : "      ")
                    c.line(l)
                }
            }
        }
        if let s, !s.entities.isEmpty {
            c.text("  found: ", .dim)
            c.line(entitySummary(s.entities))
        }
        if let carried = s?.thread?.carried, !carried.isEmpty {
            c.text("  from earlier: ", .dim)
            c.line(entitySummary(carried))
        }
        if !d.missing.isEmpty {
            c.text("  needs: ", .dim)
            c.line(d.missing.map { "⟨\($0)⟩" }.joined(separator: " ") + "  (:set NAME VALUE fills it)", .warning)
        }
    }

    /// One line per piece of evidence: detector, what it matched, its weight.
    private static func evidence(_ evidence: [Evidence], indent: String, into c: inout Canvas) {
        for e in evidence {
            c.text(indent + e.detector, .kind)
            c.text("  " + e.detail + "  ")
            c.text(format3(e.weight), .dim)
            c.newline()
        }
    }

    /// Every candidate intent of the message, with evidence: `?` with no number.
    static func analysis(_ s: Suggestion, width: Int, into c: inout Canvas) {
        if s.candidates.isEmpty {
            c.line("no intent had any signal", .dim)
        }
        for cand in s.candidates {
            let reported = s.intents.contains { $0.intent == cand.intent }
            c.text(reported ? "  ● " : "  ○ ", reported ? .good : .dim)
            c.text(cand.intent, .intent)
            c.text(" " + percent(cand.confidence))
            // Not "below 50%": the threshold is config.yaml's, and an
            // intent above it can still be left out (a secondary intent
            // beside a main one).
            if !reported { c.text("  (not reported)", .dim) }
            c.newline()
            evidence(cand.evidence, indent: "      ", into: &c)
        }
        followUpNote(s, into: &c)
        c.text("  tone: ", .dim)
        c.line(
            s.tone.upset
                ? "upset (\(s.tone.cues.joined(separator: " ")))"
                : "calm" + (s.tone.cues.isEmpty ? "" : " (\(s.tone.cues.joined(separator: " ")))"))
    }

    /// Two columns: a key, and its description wrapped under itself.
    static func table(_ rows: [(String, String)], width: Int, into c: inout Canvas) {
        let keyWidth = min(32, (rows.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2)
        let textWidth = max(20, width - keyWidth - 3)
        for (key, text) in rows {
            c.text("  " + key, .number)
            c.spaces(keyWidth - DisplayWidth.of(key))
            for (i, line) in DisplayWidth.wrap(text, width: textWidth).enumerated() {
                if i > 0 { c.newline(); c.spaces(2 + keyWidth) }
                c.text(line)
            }
            c.newline()
        }
    }

    static func format3(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return String(r)
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var s = Substring(self)
        while let last = s.last, last == "\n" || last == " " { s = s.dropLast() }
        return String(s)
    }
}
