import Foundation
import KefuCore

/// Copying a reply: known values filled in, blanks asked for or confirmed,
/// then the clipboard, and an echo of what went where.
extension Session {
    /// Fills, confirms and copies a reply, then says which way it went.
    func deliver(_ text: String, label: String, force: Bool) {
        var text = fillKnown(text)
        if !force {
            guard let filled = askForBlanks(text) else {
                say("not copied", .warning)
                freshDrafts = false
                copyOrigin = nil
                return
            }
            text = filled
        }
        freshDrafts = false
        let report = clipboard.copy(text)
        show { c in
            if settings.clipboard == .none {
                c.text("○ ", .dim)
                c.text("\(label) — printed only (clipboard off):", .dim)
            } else if report.ways.isEmpty {
                c.text("✗ ", .error)
                c.text("\(label) not copied: " + report.problems.joined(separator: "; ") + " — the text is below", .error)
            } else {
                c.text("✓ ", .good)
                c.text("copied \(label)", .bold)
                c.text(" via " + report.ways.joined(separator: " + ") + " (\(Plural.count(text.count, "character")))")
                if !report.problems.isEmpty { c.text("; " + report.problems.joined(separator: "; "), .warning) }
            }
            c.newline()
            for line in DisplayWidth.wrap(text, width: max(10, width - 4)) {
                c.text("  │ ", .dim)
                c.textMarkingPlaceholders(line)
                c.newline()
            }
        }
        learnFromCopy()
    }

    /// ⟨name⟩ replaced by values the session knows by now, in the draft's
    /// language (an English draft's ⟨shop⟩ is never filled with Chinese).
    func fillKnown(_ text: String) -> String {
        var text = text
        let names = Placeholders.names(in: text)
        guard !names.isEmpty else { return text }
        let language = suggestion?.language ?? self.language ?? .simplifiedChinese
        let known = LocalizedValue.resolve(settings.variables.merging(sessionVariables) { $1 }, for: language)
        for name in names {
            if let v = known[name], !v.isEmpty {
                text = text.replacingOccurrences(of: TemplateRenderer.placeholder(name), with: ControlSequences.strip(v))
            }
        }
        return text
    }

    /// Asks for each unfilled ⟨blank⟩; nil when the agent cancels or declines
    /// to copy a reply that still has one.
    func askForBlanks(_ text: String) -> String? {
        var text = text
        let names = Placeholders.names(in: text)
        guard !names.isEmpty else { return text }
        show { c in
            c.text("blank: ", .warning)
            c.text(names.map { "⟨\($0)⟩" }.joined(separator: " "), .placeholder)
            c.text(" — type each value + Enter · Enter alone skips · Ctrl-C cancels", .dim)
            c.newline()
        }
        for name in names {
            switch reader.read(Prompt(parts: [("  ⟨\(name)⟩ = ", .warning)]), mode: .answer, prefill: nil) {
            case .interrupted, .endOfInput:
                return nil
            case .line(let value, _):
                let v = Canvas.oneLine(value).trimmingCharacters(in: .whitespaces)
                if !v.isEmpty {
                    text = text.replacingOccurrences(of: TemplateRenderer.placeholder(name), with: v)
                    sessionVariables[name] = v
                }
            }
        }
        let left = Placeholders.names(in: text)
        guard !left.isEmpty else { return text }
        let question = "copy with " + left.map { "⟨\($0)⟩" }.joined(separator: " ") + " left in? y/N › "
        switch reader.read(Prompt(parts: [(question, .warning)]), mode: .answer, prefill: nil) {
        case .line(let answer, _):
            let a = DraftAction.fold(answer)
            return ["y", "yes", "是", "是的", "好", "对", "確定", "确定"].contains(a) ? text : nil
        case .interrupted, .endOfInput:
            return nil
        }
    }
}
