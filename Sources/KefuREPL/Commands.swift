import Foundation
import KefuCore

extension Session {
    func command(_ line: String) -> Next {
        let folded = line.hasPrefix("：") ? ":" + line.dropFirst() : line
        let body = folded.dropFirst().trimmingCharacters(in: .whitespaces)
        let name = String(body.prefix { !$0.isWhitespace }).lowercased()
        let argument = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        guard let command = REPLCommand(named: name) else {
            say("unknown command :\(name) — :help lists them (to send this as a message: :msg TEXT)", .warning)
            return .goOn
        }
        // Exhaustive, no `default`: a command without a handler does not compile.
        switch command {
        case .help: help(argument)
        case .set: set(argument)
        case .unset: unset(argument)
        case .vars: vars()
        case .lang: setLanguage(argument)
        case .new: newThread()
        case .buyers: listBuyers()
        case .buyer: switchBuyer(argument)
        case .remind: remind(argument)
        case .snippet:
            if argument.isEmpty {
                say("usage: :snippet ID (Tab completes ids)", .warning)
            } else {
                onDemand([argument], title: "snippet \(argument)")
            }
        case .find: find(argument)
        case .save: save()
        case .why:
            if argument.isEmpty {
                why(nil)
            } else if let n = Int(argument), n >= 1, n <= drafts.count {
                why(n)
            } else {
                say("no draft \(argument)", .warning)
            }
        case .more: more()
        case .drafts:
            if drafts.isEmpty { say("no drafts yet", .dim) } else { TerminalIO.write(currentDraftsBlock()); freshDrafts = true }
        case .msg:
            if argument.isEmpty { say("usage: :msg TEXT", .warning) } else { suggest(for: argument) }
        case .packs: packs()
        case .intents: intents()
        case .intent: labelMessage(argument)
        case .reload: reload()
        case .quit: return .quit
        }
        return .goOn
    }

    // MARK: The commands

    func help(_ topic: String) {
        let name = topic.hasPrefix(":") ? String(topic.dropFirst()) : topic
        if !name.isEmpty, let command = REPLCommand(named: name) {
            show { c in
                c.text(":\(command.name) \(command.usage)", .bold)
                if !command.aliases.isEmpty { c.text("  (also :" + command.aliases.joined(separator: ", :") + ")", .dim) }
                c.newline()
                c.line("  " + command.help)
            }
            return
        }
        show { c in
            c.line("After a message, with drafts on the screen (typed keys; a paste is always a message):", .bold)
            let keys: [(String, String)] = [
                ("Enter", "copy draft 1 (on an empty line, right after the drafts)"),
                ("N", "copy draft N, e.g. 2 + Enter"),
                ("N!", "copy draft N even if it has unfilled ⟨blanks⟩"),
                ("N+M", "combine drafts N and M (one greeting, one closing) and copy"),
                ("e N", "edit draft N here, pre-filled (e alone: draft 1; e 1+2: combined)"),
                ("v N", "edit draft N in $VISUAL / $EDITOR; copied when the editor exits 0"),
                ("m", "more drafts"),
                ("? N", "why draft N was offered (? alone: every intent and its evidence)"),
            ]
            DraftView.table(keys, width: width, into: &c)
            c.line("While editing a draft (e N):", .bold)
            let edit: [(String, String)] = [
                ("Tab", "jump to the next ⟨blank⟩ and clear it, ready to type the value"),
                ("Alt-Enter", "new line"),
                ("Up/Down", "move between the draft's lines"),
                ("Enter", "copy the edited text"),
                ("Ctrl-C", "cancel, nothing copied"),
            ]
            DraftView.table(edit, width: width, into: &c)
            c.line("At the prompt:", .bold)
            let line: [(String, String)] = [
                ("Up/Down", "history (in a multi-line message: its lines first)"),
                ("Ctrl-R", "search history"),
                ("/WORD", "find snippets by text, id or intent (退款, refund, logistics.stuck): numbered and copied like drafts"),
                ("Tab", "complete commands, variable names, snippet ids"),
                ("Ctrl-C", "cancel the line (the session goes on)"),
                ("Ctrl-D", "quit (on an empty line)"),
                ("Ctrl-L", "clear the screen and show the drafts again"),
            ]
            DraftView.table(line, width: width, into: &c)
            c.line("Commands:", .bold)
            let commands = REPLCommand.allCases.map { (":" + $0.name + ($0.usage.isEmpty ? "" : " " + $0.usage), $0.help) }
            DraftView.table(commands, width: width, into: &c)
            for l in DisplayWidth.wrap(
                "Copies go to the terminal clipboard (OSC 52) and the system clipboard tool. A reply with an unfilled ⟨blank⟩ asks for the value first. docs/repl.md is the full guide.",
                width: width - 1)
            {
                c.line(l, .dim)
            }
        }
    }

    static func isVariableName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || (first.properties.isAlphabetic && first.isASCII) else { return false }
        return s.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0))
        }
    }

    func set(_ argument: String) {
        var name: String
        var value: String
        if let eq = argument.firstIndex(of: "="), !argument[..<eq].contains(" ") {
            name = String(argument[..<eq])
            value = String(argument[argument.index(after: eq)...])
        } else {
            name = String(argument.prefix { !$0.isWhitespace })
            value = String(argument.dropFirst(name.count))
        }
        name = name.trimmingCharacters(in: .whitespaces)
        value = Canvas.oneLine(value).trimmingCharacters(in: .whitespaces)
        // shop@en: the shop's name in English drafts only.
        var base = name
        if let (n, _) = LocalizedValue.split(name) { base = n }
        guard Self.isVariableName(base) else {
            say(
                "usage: :set NAME VALUE, :set NAME@en VALUE or :set NAME {zh-Hans: 小鹿家居, en: Deer Home} (names: letters, digits, _ . -)",
                .warning)
            return
        }
        guard !value.isEmpty else {
            say("usage: :set \(name) VALUE (:unset \(name) forgets it)", .warning)
            return
        }
        var assignments: [(String, String)] = [(name, value)]
        if base == name, value.hasPrefix("{"), value.hasSuffix("}") {
            guard let map = Self.languageMap(value) else {
                say("usage: :set \(name) {zh-Hans: 小鹿家居, zh-Hant: 小鹿家居, en: Deer Home}", .warning)
                return
            }
            assignments = map.map { (LocalizedValue.key(name, $0.0), $0.1) }
            // A map replaces the plain value and earlier texts per language.
            sessionVariables[name] = nil
        }
        for (k, v) in assignments { sessionVariables[k] = v }
        show { c in for (k, v) in assignments { c.text("\(k) = ", .dim); c.line(v) } }
        if let warning = unknownVariableWarning(base) { say(warning, .warning) }
        if !drafts.isEmpty { refreshDrafts() }
    }

    /// Names a value can fill: every variable a loaded snippet uses, the
    /// built-in ones (configuration, entities, facts) and the configured ones.
    var knownVariableNames: Set<String> {
        var names = TemplateVariables.builtin
        for s in engine.library.snippets {
            for t in s.texts.values { names.formUnion(t.variables) }
        }
        names.formUnion(settings.variables.keys.map { LocalizedValue.split($0)?.name ?? $0 })
        return names
    }

    /// A value no snippet uses is most likely a typo (`oder_id`): said, with
    /// the closest known name, and set all the same (a pack about to be
    /// reloaded may use it).
    func unknownVariableWarning(_ name: String) -> String? {
        let known = knownVariableNames
        guard !known.contains(name) else { return nil }
        let hint = SpellingSuggestion.hint(for: name, in: known.sorted()).map { " — \($0)" } ?? ""
        return "'\(name)' is not used by any loaded snippet" + hint + " (set anyway; :unset \(name) forgets it)"
    }

    /// `{zh-Hans: 小鹿家居, en: Deer Home}` → its entries; nil when an entry
    /// is not `tag: text` or a tag is not a language.
    static func languageMap(_ text: String) -> [(Language, String)]? {
        let inner = text.dropFirst().dropLast()
        var out: [(Language, String)] = []
        for entry in inner.split(whereSeparator: { $0 == "," || $0 == "，" }) {
            guard let colon = entry.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
            let tag = entry[..<colon].trimmingCharacters(in: .whitespaces)
            var v = entry[entry.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if v.count >= 2, let q = v.first, q == "\"" || q == "'", v.last == q { v = String(v.dropFirst().dropLast()) }
            guard let language = Language(tag: tag), !v.isEmpty else { return nil }
            out.append((language, v))
        }
        return out.isEmpty ? nil : out
    }

    func unset(_ argument: String) {
        let name = argument.trimmingCharacters(in: .whitespaces)
        // :unset shop forgets its texts per language too.
        let keys = sessionVariables.keys.filter { $0 == name || LocalizedValue.split($0)?.name == name }
        guard !keys.isEmpty else {
            let configured = settings.variables.keys.contains { $0 == name || LocalizedValue.split($0)?.name == name }
            say("\(name) is not set for this buyer" + (configured ? " (it comes from the configuration)" : ""), .dim)
            return
        }
        for k in keys { sessionVariables[k] = nil }
        say("\(name) forgotten", .dim)
        if !drafts.isEmpty { refreshDrafts() }
    }

    func vars() {
        show { c in
            var any = false
            func row(_ k: String, _ v: String, _ source: String) {
                any = true
                c.text("  " + k.padding(toLength: max(k.count, 14), withPad: " ", startingAt: 0), .number)
                c.text(v + "  ")
                c.line(source, .dim)
            }
            for k in settings.variables.keys.sorted() where sessionVariables[k] == nil {
                row(k, settings.variables[k] ?? "", "configuration")
            }
            for k in sessionVariables.keys.sorted() { row(k, sessionVariables[k] ?? "", "this buyer (:set)") }
            for (k, v) in carriedRows { row(k, v, "from earlier in this thread") }
            if let s = suggestion {
                for e in s.entities where sessionVariables[e.kind.rawValue] == nil {
                    row(e.kind.rawValue, e.displayValue, "found in the last message")
                }
            }
            if !any { c.line("no values yet: :set buyer 王女士, :set order_id 12345 ...", .dim) }
        }
    }

    func setLanguage(_ argument: String) {
        let a = argument.trimmingCharacters(in: .whitespaces)
        if a.isEmpty {
            say("drafts are in " + (language?.rawValue ?? "the buyer's language (auto)") + " — :lang auto|zh-Hans|zh-Hant|en", .dim)
            return
        }
        if a.lowercased() == "auto" {
            language = nil
        } else if let l = Language(tag: a) {
            language = l
        } else {
            say("unknown language '\(Canvas.oneLine(a))': auto, zh-Hans, zh-Hant or en", .warning)
            return
        }
        say("drafts in " + (language?.rawValue ?? "the buyer's language"), .dim)
        if !drafts.isEmpty { refreshDrafts() }
    }

    var onDemandLanguage: Language? {
        language ?? (message == nil ? .simplifiedChinese : nil)
    }

    func remind(_ argument: String) {
        let id = argument.trimmingCharacters(in: .whitespaces)
        if !id.isEmpty {
            onDemand([id], title: "payment reminder")
            return
        }
        var seen = Set<String>()
        let ids = engine.library.snippets.filter { $0.kind == .reminder && seen.insert($0.id).inserted }
            .sorted { $0.priority > $1.priority }.map(\.id)
        guard !ids.isEmpty else { say("no pack has a reminder snippet (kind: reminder)", .warning); return }
        onDemand(ids, title: "payment reminders" + (message == nil ? "" : " for the last message"))
    }

    /// Renders snippets by id through the engine (SuggestionRequest.snippet)
    /// and makes them the numbered drafts.
    func onDemand(_ ids: [String], title: String) {
        reloadPacksIfChanged()
        var list: [Draft] = []
        for id in ids {
            guard engine.library.snippets.contains(where: { $0.id == id }) else {
                say("no snippet '\(Canvas.oneLine(id))' — Tab completes ids", .warning)
                continue
            }
            if var d = library.suggest(message ?? "", request(maxDrafts: 1, snippet: id, language: onDemandLanguage)).drafts.first {
                d.rank = list.count + 1
                list.append(d)
            }
        }
        guard !list.isEmpty else { return }
        drafts = list
        draftSource = .onDemand(title)
        show { c in
            c.line(title, .bold)
            DraftView.drafts(drafts[...], width: width, into: &c)
            DraftView.hint(count: drafts.count, canCombine: drafts.count > 1, width: width, into: &c)
        }
        freshDrafts = true
    }

    func packs() {
        let lib = engine.library
        show { c in
            for p in lib.packs {
                let count = lib.snippets.filter { $0.pack == p.id }.count
                c.text("  " + p.id, .bold)
                c.text(" \(p.version)  ")
                c.text("\(p.layer)  \(Plural.count(count, "snippet"))  ", .dim)
                c.line(p.source, .dim)
            }
            for f in lib.failures {
                c.text("  ✗ ", .error)
                c.line(f.source + " (\(f.layer)): not loaded", .error)
                for d in f.diagnostics { c.wrapped("      " + d.description, width: width, .error) }
            }
        }
    }

    /// Each intent with its description, wrapped at word boundaries under
    /// itself, then its draft count and pack.
    func intents() {
        let lib = engine.library
        let ids = lib.intents.keys.sorted()
        let idWidth = min(24, max(16, ids.map { DisplayWidth.of($0) }.max() ?? 0))
        let textIndent = 2 + idWidth + 1
        let textWidth = max(20, width - textIndent - 1)
        show { c in
            for id in ids {
                guard let i = lib.intents[id] else { continue }
                let count = lib.snippets.filter { $0.intents.contains(id) }.count
                let tail = Plural.count(count, "draft") + " · " + i.pack
                c.text("  " + id, .intent)
                let lines = DisplayWidth.wrap(Canvas.oneLine(i.description), width: textWidth)
                if DisplayWidth.of(id) > idWidth {
                    c.newline(); c.spaces(textIndent)
                } else {
                    c.spaces(textIndent - 2 - DisplayWidth.of(id))
                }
                for (n, line) in lines.enumerated() {
                    if n > 0 { c.newline(); c.spaces(textIndent) }
                    c.text(line)
                }
                let used = DisplayWidth.of(lines.last ?? "")
                if used + 2 + DisplayWidth.of(tail) <= textWidth {
                    c.spaces(2)
                } else {
                    c.newline()
                    c.spaces(textIndent)
                }
                c.line(tail, .dim)
            }
        }
    }

    // MARK: Tab completion

    var variableNames: [String] {
        var names = TemplateVariables.builtin
        for s in engine.library.snippets {
            for t in s.texts.values { names.formUnion(t.variables) }
        }
        names.formUnion(settings.variables.keys)
        names.formUnion(sessionVariables.keys)
        return names.sorted()
    }

    func complete(_ before: String) -> Completion {
        let text = before.hasPrefix("：") ? ":" + before.dropFirst() : before
        guard text.hasPrefix(":") else { return Completion() }
        let body = text.dropFirst()
        guard let space = body.firstIndex(of: " ") else {
            let names = REPLCommand.allCases.map(\.name)
            return Self.completion(of: String(body), among: names, prefix: "")
        }
        let name = String(body[..<space]).lowercased()
        let rest = body[body.index(after: space)...].drop { $0 == " " }
        guard !rest.contains(" "), let command = REPLCommand(named: name) else { return Completion() }
        let candidates: [String]
        switch command.argument {
        case .command: candidates = REPLCommand.allCases.map(\.name)
        case .variable: candidates = command == .unset ? sessionVariables.keys.sorted() : variableNames
        case .language: candidates = ["auto", "zh-Hans", "zh-Hant", "en"]
        case .reminder:
            candidates = engine.library.snippets.filter { $0.kind == .reminder }.map(\.id).sorted()
        case .snippet: candidates = Array(Set(engine.library.snippets.map(\.id))).sorted()
        case .draft: candidates = drafts.indices.map { String($0 + 1) }
        case .intent: candidates = engine.library.intents.keys.sorted() + [otherIntentID]
        case .buyer: candidates = buyers.buyers.map { $0.name ?? String($0.number) }
        case .none, .text: candidates = []
        }
        return Self.completion(of: String(rest), among: candidates, prefix: "")
    }

    static func completion(of partial: String, among all: [String], prefix: String) -> Completion {
        let matches = all.filter { $0.lowercased().hasPrefix(partial.lowercased()) }
        guard let first = matches.first else { return Completion() }
        if matches.count == 1 { return Completion(insert: String(first.dropFirst(partial.count)) + " ") }
        var common = first
        for m in matches.dropFirst() {
            while !m.lowercased().hasPrefix(common.lowercased()) { common.removeLast() }
        }
        return Completion(insert: String(common.dropFirst(partial.count)), candidates: matches)
    }
}
