import Foundation
import KefuCore

/// A reply the agent made their own (a draft edited, or drafts combined)
/// and copied: what `:save` can turn into a snippet. Kept as it was at the
/// copy, with the values its drafts were filled with, so a later message
/// or `:new` changes nothing about it.
struct SavableReply {
    /// The reply as copied, blanks still ⟨name⟩ (values typed for blanks
    /// while copying are this buyer's, not the snippet's).
    var text: String
    var language: Language
    /// The intent of the draft it came from (the first, when combined).
    var intent: String?
    var kind: SnippetKind
    var priority: Int
    /// Values the source drafts' templates filled in, to turn back into
    /// their variables.
    var values: [SavedSnippet.Value]
}

/// `:save` (docs/repl.md, *Saving a reply as a snippet*): the last edited
/// reply becomes a snippet of the user's pack file, validated by the pack
/// parser, written whole or not at all, and offered from the next message.
extension Session {
    /// After a copy: an edited or combined reply is what `:save` saves next.
    func keepForSaving(_ origin: CopyOrigin, _ chosen: [Draft]) {
        let text = origin.edited ?? origin.base
        guard let first = chosen.first, origin.edited != nil || chosen.count > 1, !text.isEmpty else { return }
        let snippets = chosen.compactMap { d in engine.library.snippets.first { $0.id == d.snippet } }
        var names = Set<String>()
        for s in snippets { for t in s.texts.values { names.formUnion(t.variables) } }
        let used = DraftValues.assemble(request: request(maxDrafts: 1), entities: suggestion?.entities ?? [], language: first.language)
        let values = names.sorted().compactMap { name -> SavedSnippet.Value? in
            guard let v = used[name], !v.isEmpty else { return nil }
            var forms = [v]
            // A Traditional draft converts Simplified values with its template.
            if first.language == .traditionalChinese {
                forms += [ChineseConverter.shared.convert(v, .toTraditional), ChineseConverter.shared.convert(v, .toTraditionalCharacters)]
            }
            return SavedSnippet.Value(name: name, forms: Array(Set(forms)).sorted())
        }
        savable = SavableReply(
            text: text, language: first.language, intent: first.intent ?? snippets.first?.intents.first, kind: first.kind,
            priority: snippets.first?.priority ?? 50, values: values)
    }

    func save() {
        guard let path = settings.savedPackPath else {
            say("your packs are not loaded (--no-user-packs): a saved reply would not be offered, so :save writes nothing", .warning)
            return
        }
        guard let reply = savable else {
            say("nothing to save yet: edit a draft (e N, v N) or combine drafts (1+2), copy it, then :save", .dim)
            return
        }
        let template = SavedSnippet.template(from: reply.text, values: reply.values)
        show { c in
            c.wrapped("save as a snippet of " + Self.shortPath(path, environment: environment), width: width, .bold)
            for line in DisplayWidth.wrap(template, width: max(10, width - 4)) {
                c.text("  │ ", .dim)
                c.line(line)
            }
        }
        guard let intent = askIntent(default: reply.intent), let id = askID(default: Self.defaultID(for: intent, taken: takenIDs))
        else {
            say("save cancelled — nothing written", .dim)
            return
        }
        var texts = [(reply.language, template)]
        // A snippet with only a Traditional text would never be offered to
        // a Simplified message; the Simplified one would (and converts).
        if reply.language == .traditionalChinese {
            texts.append((.simplifiedChinese, ChineseConverter.shared.convert(template, .toSimplified)))
        }
        let snippet = SavedSnippet(id: id, intent: intent, kind: reply.kind, priority: reply.priority, texts: texts)
        switch write(snippet, to: path) {
        case .refused(let diagnostics):
            show { c in
                c.line("not saved: the pack would not load — nothing written", .error)
                for d in diagnostics { c.wrapped("  " + d.description, width: width, .error) }
            }
        case .failed(let why):
            say("not saved: \(why) — nothing written", .error)
        case .written:
            say("✓ saved \(id) (\(intent)) to \(Self.shortPath(path, environment: environment)) — offered from the next message", .good)
            savable = nil
            reloadPacksIfChanged(force: true)
        }
    }

    /// Every snippet id in use: a saved snippet never silently replaces one.
    private var takenIDs: Set<String> { Set(engine.library.snippets.map(\.id)) }

    /// `<intent>.saved-N`, the first N free.
    static func defaultID(for intent: String, taken: Set<String>) -> String {
        var n = 1
        while true {
            let id = "\(intent).saved-\(n)"
            if !Identifier.isValid(id) { return "saved-\(n)" }
            if !taken.contains(id) { return id }
            n += 1
        }
    }

    /// `~/…` for a path under the home folder.
    static func shortPath(_ path: String, environment: [String: String]) -> String {
        guard let home = environment["HOME"], !home.isEmpty, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    /// Reads one short answer with Tab completing from `candidates`; nil
    /// when the agent cancels (Ctrl-C, Ctrl-D, end of input).
    private func ask(_ question: String, candidates: [String]) -> String? {
        let completer = reader.completer
        reader.completer = { Self.completion(of: $0.trimmingCharacters(in: .whitespaces), among: candidates, prefix: "") }
        defer { reader.completer = completer }
        switch reader.read(Prompt(parts: [(question, .warning)]), mode: .choice, prefill: nil) {
        case .line(let answer, _): return Canvas.oneLine(answer).trimmingCharacters(in: .whitespaces)
        case .interrupted, .endOfInput: return nil
        }
    }

    /// The intent, until a known one (or the default) is given.
    private func askIntent(default proposed: String?) -> String? {
        let known = engine.library.intents.keys.sorted()
        let fallback = proposed.flatMap { known.contains($0) ? $0 : nil }
        let question = "  intent" + (fallback.map { " [\($0)]" } ?? "") + " (Tab completes) › "
        while true {
            guard let answer = ask(question, candidates: known) else { return nil }
            if answer.isEmpty, let fallback { return fallback }
            if known.contains(answer) { return answer }
            if answer.isEmpty {
                say("an intent is needed: Tab lists them (Ctrl-C cancels)", .warning)
                continue
            }
            let hint = SpellingSuggestion.closest(to: answer.lowercased(), in: known).map { " — did you mean \($0)?" } ?? ""
            say("no intent '\(answer)'\(hint) (Tab completes, Ctrl-C cancels)", .warning)
        }
    }

    /// The id, until a valid free one (or the default) is given.
    private func askID(default proposed: String) -> String? {
        while true {
            guard let answer = ask("  id [\(proposed)] › ", candidates: [proposed]) else { return nil }
            let id = answer.isEmpty ? proposed : answer
            if !Identifier.isValid(id) {
                say("'\(id)' is not a valid id: \(Identifier.rule) (Ctrl-C cancels)", .warning)
                continue
            }
            if let taken = engine.library.snippets.first(where: { $0.id == id }) {
                say("'\(id)' is already a snippet of \(taken.pack): choose another (Ctrl-C cancels)", .warning)
                continue
            }
            return id
        }
    }

    enum SaveOutcome {
        case written
        /// The file with the snippet would not parse: the parser's diagnostics.
        case refused([Diagnostic])
        case failed(String)
    }

    /// Adds `snippet` to the pack file at `path`: read, appended, parsed,
    /// then written atomically, all under a lock so two REPLs saving at
    /// once both keep their snippet. An unreadable file is never replaced.
    func write(_ snippet: SavedSnippet, to path: String) -> SaveOutcome {
        do {
            let lock = (path as NSString).deletingLastPathComponent + "/." + (path as NSString).lastPathComponent + ".lock"
            return try PrivateFiles.withLock(lock) {
                var existing: String?
                if FileManager.default.fileExists(atPath: path) {
                    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                        return .failed("\(path) cannot be read as UTF-8 text")
                    }
                    existing = text
                }
                let text = snippet.appended(to: existing)
                let parsed = PackParser(normalizer: engine.normalizer).parse(text, file: path, layer: .user)
                guard parsed.diagnostics.isEmpty else { return .refused(parsed.diagnostics) }
                guard parsed.pack?.snippets.contains(where: { $0.id == snippet.id }) == true else {
                    return .failed("\(path) has no snippets: list kefu can add to")
                }
                try PrivateFiles.writeAtomically(Data(text.utf8), to: path)
                return .written
            }
        } catch {
            return .failed("\(error)")
        }
    }
}
