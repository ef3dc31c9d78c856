import Foundation
import KefuCore

/// One agent's session: the loop, the drafts on the screen, the session
/// variables, and what every key and command does. A front end only: every
/// draft comes from `Engine.suggest`.
final class Session {
    /// What the command line and config.yaml decided (read again by `:reload`).
    var settings: REPLSettings
    let library: LiveLibrary
    let reader: LineReader
    let history: HistoryFile?
    let colour: Bool
    let environment: [String: String]
    let interactive: Bool
    var clipboard: Clipboard
    /// config.yaml read again, for `:reload`; nil: the packs only.
    let reconfigure: REPL.Reconfigure?

    /// Values the agent set for this buyer (`:set`, filled blanks).
    var sessionVariables: [String: String] = [:]
    /// Forced draft language (`:lang`); nil: the buyer's.
    var language: Language?
    /// The last buyer message and what the engine said about it.
    var message: String?
    var suggestion: Suggestion?
    /// The numbered drafts the keys act on.
    var drafts: [Draft] = []
    enum DraftSource: Equatable {
        case message
        case onDemand(String)
    }
    var draftSource = DraftSource.message
    /// Drafts were just shown: Enter on an empty line copies draft 1.
    var freshDrafts = false
    /// The usage log and the learned examples (`Session+Learning.swift`).
    let learning: LearningSession
    /// The drafts a copy under way was made from, and the agent's edit.
    var copyOrigin: CopyOrigin?
    /// `/word`: the search index and what it found (`Session+Finding.swift`).
    var finding = Finding()
    /// The last edited or combined reply copied, for `:save` (`Session+Saving.swift`).
    var savable: SavableReply?
    /// The open buyers and their threads (`Session+Threads.swift`).
    lazy var buyers = BuyerBook(sessionID: learning.sessionID)

    init(
        settings: REPLSettings, library: LiveLibrary, reader: LineReader, history: HistoryFile?, colour: Bool,
        environment: [String: String], interactive: Bool, reconfigure: REPL.Reconfigure? = nil
    ) {
        self.reconfigure = reconfigure
        self.settings = settings
        self.library = library
        self.reader = reader
        self.history = history
        self.colour = colour
        self.environment = environment
        self.interactive = interactive
        self.language = settings.language
        learning = LearningSession(usageDirectory: settings.usageDirectory, learnedDirectory: settings.learnedDirectory)
        clipboard = Clipboard(method: settings.clipboard, terminal: TerminalIO.stdoutIsTerminal, environment: environment)
        reader.completer = { [unowned self] in self.complete($0) }
        reader.redraw = { [unowned self] in self.currentDraftsBlock() }
    }

    var engine: Engine { library.engine }
    var width: Int { TerminalIO.columns }

    // MARK: Output

    func show(_ build: (inout Canvas) -> Void) {
        var c = Canvas(colour: colour)
        build(&c)
        TerminalIO.write(c.output)
    }

    /// One message line, wrapped at word boundaries to the window (Chinese
    /// counts two columns), continued lines indented.
    func say(_ text: String, _ tone: Tone? = nil) { show { $0.wrapped(text, width: width, tone) } }

    // MARK: The loop

    func run() -> Int32 {
        banner()
        while true {
            switch reader.read(mainPrompt(), mode: .main, prefill: nil) {
            case .endOfInput:
                if interactive { TerminalIO.write("\n") }
                return 0
            case .interrupted:
                freshDrafts = false
            case .line(let line, let pasted):
                if handle(line, pasted: pasted) == .quit { return 0 }
            }
        }
    }

    enum Next { case goOn, quit }

    func handle(_ line: String, pasted: Bool) -> Next {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        let enterCopies = freshDrafts
        if !pasted { learning.typed(line) }
        // Only a line typed right after drafts appear may copy with Enter.
        freshDrafts = false
        if !pasted {
            if trimmed.isEmpty {
                if enterCopies, !drafts.isEmpty { copy([1], force: false) }
                return .goOn
            }
            if trimmed.hasPrefix(":") || trimmed.hasPrefix("：") {
                remember(trimmed)
                return command(trimmed)
            }
            if let query = Self.findQuery(trimmed) {
                remember(trimmed)
                find(query)
                return .goOn
            }
            if let action = DraftAction.parse(trimmed, draftCount: drafts.count), !drafts.isEmpty || isKeyOnly(trimmed) {
                perform(action)
                return .goOn
            }
        }
        guard !trimmed.isEmpty else { return .goOn }
        remember(line)
        suggest(for: line)
        return .goOn
    }

    /// `m` and `?` mean the key even before any drafts (and say so).
    private func isKeyOnly(_ s: String) -> Bool { ["m", "?"].contains(DraftAction.fold(s)) }

    func remember(_ entry: String) {
        guard let history else { return }
        let (entries, error) = history.add(ControlSequences.strip(entry))
        reader.setHistory(entries)
        if let error { say("history: " + error, .warning) }
    }

    // MARK: Messages and drafts

    func request(maxDrafts: Int, snippet: String? = nil, language forced: Language? = nil) -> SuggestionRequest {
        var values = settings.variables
        for (k, v) in sessionVariables { values[k] = v }
        var r = SuggestionRequest(variables: values, language: forced ?? language, maxDrafts: maxDrafts, snippet: snippet)
        r.picks = learning.pickAdjustments()
        r.thread = threadContext
        return r
    }

    func suggest(for text: String) {
        reloadPacksIfChanged()
        message = text
        beginThreadMessage(text)
        let s = library.suggest(text, request(maxDrafts: settings.draftsShown))
        absorbIntoThread(s)
        suggestion = s
        drafts = s.drafts
        draftSource = .message
        show { c in
            DraftView.header(s, forced: language, into: &c)
            DraftView.drafts(drafts[...], width: width, into: &c)
            if drafts.isEmpty {
                c.line("  no drafts: no pack has a reply for this (see :packs)", .warning)
            } else {
                DraftView.hint(count: drafts.count, canCombine: drafts.count > 1, width: width, into: &c)
            }
        }
        recordAnswer(text, s)
        freshDrafts = !drafts.isEmpty
    }

    /// The drafts block as it is now, at the current width (Ctrl-L).
    func currentDraftsBlock() -> String {
        var c = Canvas(colour: colour)
        if let s = suggestion, draftSource == .message { DraftView.header(s, forced: language, into: &c) }
        if case .onDemand(let title) = draftSource { c.wrapped(title, width: width, .bold) }
        DraftView.drafts(drafts[...], width: width, label: foundLabel, into: &c)
        if !drafts.isEmpty { DraftView.hint(count: drafts.count, canCombine: drafts.count > 1, width: width, into: &c) }
        return c.output
    }

    /// Shows the drafts again after a change of session values or language.
    func refreshDrafts() {
        switch draftSource {
        case .message:
            guard let message else { return }
            let count = max(settings.draftsShown, drafts.count)
            let s = library.suggest(message, request(maxDrafts: count))
            suggestion = s
            drafts = s.drafts
        case .onDemand:
            drafts = drafts.enumerated().compactMap { i, d in
                var nd = library.suggest(message ?? "", request(maxDrafts: 1, snippet: d.snippet, language: onDemandLanguage)).drafts.first
                nd?.rank = i + 1
                return nd
            }
        }
        TerminalIO.write(currentDraftsBlock())
        freshDrafts = !drafts.isEmpty
    }

    func perform(_ action: DraftAction) {
        switch action {
        case .invalid(let why):
            say(why, .warning)
        case .copy(let targets, let force):
            copy(targets, force: force)
        case .edit(let targets):
            editInPlace(targets)
        case .editor(let targets):
            editExternally(targets)
        case .more:
            more()
        case .why(let n):
            why(n)
        }
    }

    func label(_ targets: [Int]) -> String {
        targets.count == 1 ? "draft \(targets[0])" : "drafts " + targets.map(String.init).joined(separator: "+")
    }

    func text(for targets: [Int]) -> String {
        let chosen = targets.map { drafts[$0 - 1] }
        return chosen.count == 1 ? DraftCombiner.tidy(chosen[0].text) : DraftCombiner.combine(chosen)
    }

    func copy(_ targets: [Int], force: Bool) {
        copyOrigin = CopyOrigin(targets: targets, base: text(for: targets), edited: nil)
        let known = sessionVariables
        if targets.count > 1 {
            deliver(text(for: targets), label: "combined " + label(targets), force: force)
        } else {
            deliver(text(for: targets), label: label(targets), force: force)
        }
        refreshIfValuesChanged(since: known)
    }

    /// Values typed for blanks while copying fill the same blanks in the
    /// drafts on the screen, which are shown again. Each draft keeps its
    /// number (an agent who types the same number again gets the same
    /// reply, never one re-ranked into its place), `? N` no longer lists
    /// the value as missing, and Enter does not copy again.
    func refreshIfValuesChanged(since known: [String: String]) {
        guard sessionVariables != known, !drafts.isEmpty else { return }
        let values = settings.variables.merging(sessionVariables) { $1 }
        var filled = false
        drafts = drafts.map { draft in
            guard !draft.missing.isEmpty else { return draft }
            var d = draft
            let resolved = LocalizedValue.resolve(values, for: d.language)
            for name in d.missing {
                guard let v = resolved[name], !v.isEmpty else { continue }
                d.text = d.text.replacingOccurrences(of: TemplateRenderer.placeholder(name), with: ControlSequences.strip(v))
                filled = true
            }
            let left = Set(Placeholders.names(in: d.text))
            d.missing.removeAll { !left.contains($0) }
            // A check's warning about blanks is moot once none is left.
            if d.complete { d.warnings.removeAll { $0.code.hasSuffix(":placeholder") } }
            return d
        }
        if filled { TerminalIO.write(currentDraftsBlock()) }
        freshDrafts = false
    }

    func editInPlace(_ targets: [Int]) {
        let known = sessionVariables
        defer { refreshIfValuesChanged(since: known) }
        let base = text(for: targets)
        say("editing \(label(targets)) — Tab: next ⟨blank⟩ · Alt-Enter: new line · Enter: copy · Ctrl-C: cancel", .dim)
        switch reader.read(
            Prompt(parts: [("✎ \(targets.map(String.init).joined(separator: "+")) › ", .number)]), mode: .edit, prefill: base)
        {
        case .line(let edited, _):
            let t = DraftCombiner.tidy(ControlSequences.strip(edited))
            if t.isEmpty { say("empty — nothing copied", .warning); return }
            copyOrigin = CopyOrigin(targets: targets, base: base, edited: t)
            deliver(t, label: "edited " + label(targets), force: false)
        case .interrupted, .endOfInput:
            say("edit cancelled — nothing copied", .dim)
            freshDrafts = false
        }
    }

    func editExternally(_ targets: [Int]) {
        let known = sessionVariables
        defer { refreshIfValuesChanged(since: known) }
        let base = text(for: targets)
        // The program's own name: a full path would push the message onto two lines.
        let editorName =
            ExternalEditor.command(environment: environment)
            .flatMap { $0.words.first }.map { ($0 as NSString).lastPathComponent } ?? "an editor"
        say("editing \(label(targets)) in \(editorName) — save and quit to copy", .dim)
        switch ExternalEditor.edit(base, environment: environment) {
        case .edited(let edited):
            let t = DraftCombiner.tidy(ControlSequences.strip(edited))
            if t.isEmpty { say("the file is empty — nothing copied", .warning); return }
            copyOrigin = CopyOrigin(targets: targets, base: base, edited: t)
            deliver(t, label: "\(label(targets)) from \(editorName)", force: false)
        case .failed(let status):
            say("\(editorName) exited with status \(status) — nothing copied", .warning)
            freshDrafts = false
        case .unavailable(let why):
            say(why, .error)
        }
    }

    func more() {
        if showingFound { moreFound(); return }
        guard draftSource == .message, let message, !drafts.isEmpty else {
            say(drafts.isEmpty ? "no drafts yet: paste a message first" : "no more drafts here", .dim)
            return
        }
        let have = drafts.count
        let s = library.suggest(message, request(maxDrafts: have + settings.draftsShown))
        guard s.drafts.count > have else { say("no more drafts for this message", .dim); return }
        suggestion = s
        drafts = s.drafts
        show { c in
            DraftView.drafts(drafts[have...], width: width, into: &c)
            DraftView.hint(count: drafts.count, canCombine: true, width: width, into: &c)
        }
        freshDrafts = true
    }

    func why(_ n: Int?) {
        if let n {
            guard n >= 1, n <= drafts.count else {
                say(drafts.isEmpty ? "no drafts yet: paste a message first" : "no draft \(n)", .dim)
                return
            }
            // On-demand drafts answer no message: explained without one.
            let analysed = draftSource == .message ? suggestion : nil
            show { DraftView.explanation(drafts[n - 1], in: analysed, width: width, into: &$0) }
        } else if let s = suggestion, draftSource == .message {
            show { DraftView.analysis(s, width: width, into: &$0) }
        } else {
            say("no message yet: paste one, then ? shows what kefu found in it", .dim)
        }
    }

    // MARK: Packs

    func reloadPacksIfChanged(force: Bool = false) {
        guard let report = library.reloadIfNeeded(force: force) else { return }
        show { c in
            let names = report.changedFiles.map { ($0 as NSString).lastPathComponent }
            c.text("↻ packs reloaded", .dim)
            if !names.isEmpty { c.text(" (" + names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "") + ")", .dim) }
            if report.diagnostics.isEmpty { c.text(" — no errors", .dim) }
            c.newline()
            for d in report.diagnostics {
                c.wrapped(d.description, width: width, .error)
            }
            for path in report.keptPrevious {
                c.wrapped("  kept the last good version of \(path) until it is fixed", width: width, .warning)
            }
        }
    }

    /// `:reload`: config.yaml (when kefu was started from the command line)
    /// and every pack read again now, and the drafts on the screen rendered
    /// again with them, so what is shown and what Enter copies are the new
    /// texts.
    func reload() {
        if let reconfigure {
            let (fresh, loader) = reconfigure()
            applyConfiguration(fresh)
            library.use(loader)
        }
        reloadPacksIfChanged(force: true)
        if !drafts.isEmpty { refreshDrafts() }
    }

    /// Settings read again from config.yaml. A language chosen with `:lang`
    /// stays unless the configuration's own language changed; where the
    /// history goes stays as it was at start.
    func applyConfiguration(_ fresh: REPLSettings) {
        if fresh.language != settings.language { language = fresh.language }
        var next = fresh
        next.historyPath = settings.historyPath
        next.historySize = settings.historySize
        next.noColor = settings.noColor
        settings = next
        clipboard = Clipboard(method: settings.clipboard, terminal: TerminalIO.stdoutIsTerminal, environment: environment)
        show { c in
            c.text("↻ config.yaml read again", .dim)
            if fresh.notices.isEmpty { c.text(" — no errors", .dim) }
            c.newline()
            for n in fresh.notices { c.wrapped(n, width: width, .warning) }
        }
    }

    // MARK: Prompt and banner

    func mainPrompt() -> Prompt {
        var parts: [(String, Tone?)] = []
        let values = settings.variables.merging(sessionVariables) { $1 }
        let shop =
            values["shop"]
            ?? LocalizedValue.resolve(values.filter { $0.key.hasPrefix("shop@") }, for: language ?? .simplifiedChinese)["shop"]
        parts.append((DisplayWidth.truncate(shop ?? "kefu", width: 16), .bold))
        if let buyer = buyerPromptPart { parts.append(buyer) }
        if let buyer = sessionVariables["buyer"], !buyer.isEmpty {
            parts.append((" → " + DisplayWidth.truncate(buyer, width: 14), .intent))
        }
        if let order = sessionVariables["order_id"], !order.isEmpty {
            parts.append((" #" + DisplayWidth.truncate(order, width: 16), .dim))
        }
        parts.append((" · " + (language?.rawValue ?? "auto"), .dim))
        parts.append((" › ", nil))
        return Prompt(parts: parts)
    }

    func banner() {
        let lib = engine.library
        show { c in
            c.text("kefu 客服", .bold)
            c.text(
                " · "
                    + [
                        Plural.count(lib.packs.count, "pack"), Plural.count(lib.intents.count, "intent"),
                        Plural.count(lib.snippets.count, "snippet"),
                    ].joined(separator: " · "), .dim)
            if !interactive { c.text(" · reading standard input", .dim) }
            c.newline()
            for d in library.startupDiagnostics { c.wrapped(d.description, width: width, .error) }
            for n in settings.notices { c.wrapped(n, width: width, .warning) }
            if interactive {
                c.wrapped("paste a buyer message, press Enter; then Enter or a number copies a draft · :help", width: width, .dim)
            }
        }
    }
}
