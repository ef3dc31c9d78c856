import CLibedit
import Foundation
import KefuCore

/// libedit on the terminal, set up as the notes say: a UTF-8 locale, wide
/// calls, EL_SIGNAL, bracketed paste read by a bound function, pre-filling
/// through a bound key and `el_winsertstr`, Ctrl-R incremental search.
final class EditLineReader: LineReader {
    private let el: OpaquePointer
    private let history: OpaquePointer
    private var promptBuffer: UnsafeMutablePointer<wchar_t>
    private var mode: LineMode = .main
    private var pendingPrefill: String?
    private var pasted = false
    var completer: ((String) -> Completion)?
    var redraw: (() -> String)?
    private let bracketedPaste: Bool

    /// Key sequences no terminal sends, bound to kefu's own functions.
    static let prefillKey = "\u{1B}[9999~"
    static let historyBackKey = "\u{1B}[9998~"
    static let historyForwardKey = "\u{1B}[9997~"
    static let resizeKey = "\u{1B}[9995~"
    static let pasteStart = "\u{1B}[200~"
    static let pasteEnd: [wchar_t] = Array("\u{1B}[201~".unicodeScalars.map { wchar_t(bitPattern: $0.value) })

    init?(historySize: Int) {
        guard let el = kefu_el_init("kefu") else { return nil }
        guard let history = kefu_history_init(Int32(max(1, historySize))) else { el_end(el); return nil }
        self.el = el
        self.history = history
        promptBuffer = .allocate(capacity: 1)
        promptBuffer.initialize(to: 0)
        bracketedPaste = TerminalIO.stdinIsTerminal && TerminalIO.stdoutIsTerminal
        kefu_el_set_editor(el, "emacs")
        kefu_el_set_int(el, EL_SIGNAL, 1)
        kefu_el_no_flow_control(el)
        kefu_el_set_getcfn(el, Self.readFunction)
        kefu_el_set_history(el, history)
        kefu_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        kefu_el_set_prompt(
            el,
            { el in
                guard let me = EditLineReader.from(el) else { return nil }
                return me.promptBuffer
            }, 1)

        func add(_ name: String, _ help: String, _ fn: kefu_el_fn) { kefu_el_addfn(el, name, help, fn) }
        add("kefu-paste", "Bracketed paste: insert the whole paste", { el, _ in EditLineReader.from(el)?.paste() ?? UInt8(CC_ERROR) })
        add("kefu-prefill", "Insert the draft being edited", { el, _ in EditLineReader.from(el)?.prefill() ?? UInt8(CC_ERROR) })
        add("kefu-up", "Previous line, or history on the first line", { el, _ in EditLineReader.from(el)?.vertical(-1) ?? UInt8(CC_ERROR) })
        add("kefu-down", "Next line, or history on the last line", { el, _ in EditLineReader.from(el)?.vertical(1) ?? UInt8(CC_ERROR) })
        add("kefu-tab", "Complete, or jump to the next placeholder", { el, _ in EditLineReader.from(el)?.tab() ?? UInt8(CC_ERROR) })
        add(
            "kefu-newline", "Insert a line break",
            { el, _ in
                var nl: [wchar_t] = [10, 0]
                return el_winsertstr(el, &nl) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
            })
        add(
            "kefu-redraw", "Clear the screen and show the drafts again",
            { el, _ in EditLineReader.from(el)?.redrawScreen() ?? UInt8(CC_ERROR) })
        add("kefu-search", "Search history (Chinese too)", { el, _ in EditLineReader.from(el)?.searchHistory() ?? UInt8(CC_ERROR) })
        add("kefu-search-step", "The next key of a history search", { el, _ in EditLineReader.from(el)?.searchStep() ?? UInt8(CC_ERROR) })
        add(
            "kefu-resize", "The window was resized: lay the drafts out again",
            { el, _ in EditLineReader.from(el)?.resized() ?? UInt8(CC_ERROR) })

        func bind(_ keys: String, _ function: String) { kefu_el_bind(el, keys, function) }
        bind(Self.pasteStart, "kefu-paste")
        bind(Self.prefillKey, "kefu-prefill")
        bind(Self.historyBackKey, "ed-prev-history")
        bind(Self.historyForwardKey, "ed-next-history")
        for k in ["\u{1B}[A", "\u{1B}OA", "^P"] { bind(k, "kefu-up") }
        for k in ["\u{1B}[B", "\u{1B}OB", "^N"] { bind(k, "kefu-down") }
        bind("^I", "kefu-tab")
        // libedit's own em-inc-search-prev ends the search on any non-ASCII
        // character (it looks the key up as `(unsigned char) ch`), so Chinese
        // could not be searched: kefu's incremental search replaces it.
        bind("^R", "kefu-search")
        bind(Self.searchStepKey, "kefu-search-step")
        bind("\u{1B}\r", "kefu-newline")
        bind("\u{1B}\n", "kefu-newline")
        bind("^L", "kefu-redraw")
        bind(Self.resizeKey, "kefu-resize")
        bind("\u{1B}[H", "ed-move-to-beg")
        bind("\u{1B}[F", "ed-move-to-end")
        bind("\u{1B}[1~", "ed-move-to-beg")
        bind("\u{1B}[4~", "ed-move-to-end")
        bind("\u{1B}[3~", "ed-delete-next-char")
    }

    private static func from(_ el: OpaquePointer?) -> EditLineReader? {
        guard let el, let raw = kefu_el_get_clientdata(el) else { return nil }
        return Unmanaged<EditLineReader>.fromOpaque(raw).takeUnretainedValue()
    }

    func close() {
        el_end(el)
        history_wend(history)
        promptBuffer.deallocate()
    }

    // MARK: Reading

    /// libedit (20221030) mishandles more than one literal (colour) run in a
    /// prompt: the text after the second one is lost. So a coloured prompt is
    /// one colour, switched on by a literal at the start and off by one just
    /// before the final character (a literal at the very end is dropped too).
    private var currentPrompt = Prompt(parts: [])

    private func setPrompt(_ prompt: Prompt, colour: Bool) {
        currentPrompt = prompt
        let text = prompt.parts.map { Canvas.oneLine($0.0) }.joined()
        var scalars: [wchar_t] = []
        func add(_ s: String) { scalars += s.unicodeScalars.map { wchar_t(bitPattern: $0.value) } }
        let tone = prompt.parts.first { $0.1 != nil }?.1
        if colour, let tone, text.unicodeScalars.count > 1 {
            scalars.append(1)
            add("\u{1B}[\(tone.rawValue)m")
            scalars.append(1)
            add(String(text.dropLast()))
            scalars.append(1)
            add("\u{1B}[0m")
            scalars.append(1)
            add(String(text.last!))
        } else {
            add(text)
        }
        scalars.append(0)
        promptBuffer.deallocate()
        promptBuffer = .allocate(capacity: scalars.count)
        promptBuffer.initialize(from: scalars, count: scalars.count)
    }

    var colour = false

    func read(_ prompt: Prompt, mode: LineMode, prefill: String?) -> LineInput {
        setPrompt(prompt, colour: colour)
        self.mode = mode
        pasted = false
        search = nil
        if let prefill, !prefill.isEmpty {
            pendingPrefill = prefill
            el_push(el, Self.prefillKey)
        }
        _ = SignalFlags.takeInterrupt()
        if bracketedPaste { TerminalIO.write("\u{1B}[?2004h") }
        var count: Int32 = 0
        // errno is only meaningful when libedit says the read failed
        // (count -1): at Ctrl-D (count 0) it is whatever an earlier call
        // left, and an EINTR left by a Ctrl-C would make Ctrl-D a Ctrl-C.
        errno = 0
        let result = el_wgets(el, &count)
        let failedWithEINTR = count < 0 && errno == EINTR
        if bracketedPaste { TerminalIO.write("\u{1B}[?2004l") }
        pendingPrefill = nil
        guard let result else {
            if SignalFlags.takeInterrupt() || failedWithEINTR {
                TerminalIO.write("^C\n")
                return .interrupted
            }
            return .endOfInput
        }
        var scalars = String.UnicodeScalarView()
        for i in 0..<Int(count) {
            if let s = Unicode.Scalar(UInt32(bitPattern: result[i])) { scalars.append(s) }
        }
        var line = String(scalars)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line, pasted: pasted)
    }

    /// The history, oldest first, for Ctrl-R.
    private var historyEntries: [String] = []

    func setHistory(_ entries: [String]) {
        historyEntries = entries
        kefu_history_clear(history)
        for e in entries {
            var w = e.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
            kefu_history_enter(history, &w)
        }
    }

    // MARK: Key functions (called by libedit inside el_wgets)

    /// The text of the line and the cursor position, in Unicode scalars.
    private func lineState() -> (text: [wchar_t], cursor: Int) {
        guard let info = el_wline(el)?.pointee, let buffer = info.buffer else { return ([], 0) }
        let length = info.lastchar - buffer
        let cursor = info.cursor - buffer
        return (Array(UnsafeBufferPointer(start: buffer, count: max(0, length))), max(0, cursor))
    }

    private func insert(_ text: String) -> Bool {
        guard !text.isEmpty else { return true }
        var w = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
        return el_winsertstr(el, &w) == 0
    }

    /// Bracketed paste: read up to ESC[201~, turn CR and CR LF into LF, make
    /// the text inert (no escape sequence from a buyer survives) and insert it
    /// in one piece, so a multi-line paste is one message.
    private func paste() -> UInt8 {
        var received: [wchar_t] = []
        let end = Self.pasteEnd
        var c: wchar_t = 0
        while true {
            let n = el_wgetc(el, &c)
            if n <= 0 { break }
            received.append(c)
            if received.count >= end.count, received[(received.count - end.count)...].elementsEqual(end) {
                received.removeLast(end.count)
                break
            }
        }
        var scalars = String.UnicodeScalarView()
        var previousCR = false
        for w in received {
            guard let s = Unicode.Scalar(UInt32(bitPattern: w)) else { continue }
            if s == "\r" { scalars.append("\n"); previousCR = true; continue }
            if s == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            scalars.append(s)
        }
        let text = ControlSequences.strip(String(scalars))
        pasted = true
        return insert(text) ? UInt8(CC_REFRESH) : UInt8(CC_REFRESH_BEEP)
    }

    private func prefill() -> UInt8 {
        guard let text = pendingPrefill else { return UInt8(CC_NORM) }
        pendingPrefill = nil
        return insert(text) ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
    }

    /// Up/Down: in a multi-line text, move to the same column of the line
    /// above or below; from the first (last) line, go back (forward) in
    /// history at the main prompt. While editing a draft, never leave it.
    private func vertical(_ direction: Int) -> UInt8 {
        let (text, cursor) = lineState()
        let newline: wchar_t = 10
        // Start of the cursor's line and its column in display cells.
        var lineStart = cursor
        while lineStart > 0 && text[lineStart - 1] != newline { lineStart -= 1 }
        let column = width(text[lineStart..<cursor])
        if direction < 0 {
            guard lineStart > 0 else { return toHistory(back: true) }
            var previousStart = lineStart - 1
            while previousStart > 0 && text[previousStart - 1] != newline { previousStart -= 1 }
            let target = position(in: text, from: previousStart, upTo: lineStart - 1, column: column)
            el_cursor(el, Int32(target - cursor))
        } else {
            var lineEnd = cursor
            while lineEnd < text.count && text[lineEnd] != newline { lineEnd += 1 }
            guard lineEnd < text.count else { return toHistory(back: false) }
            var nextEnd = lineEnd + 1
            while nextEnd < text.count && text[nextEnd] != newline { nextEnd += 1 }
            let target = position(in: text, from: lineEnd + 1, upTo: nextEnd, column: column)
            el_cursor(el, Int32(target - cursor))
        }
        return UInt8(CC_CURSOR)
    }

    private func toHistory(back: Bool) -> UInt8 {
        guard mode == .main else { return UInt8(CC_ERROR) }
        el_push(el, back ? Self.historyBackKey : Self.historyForwardKey)
        return UInt8(CC_NORM)
    }

    private func width(_ chars: ArraySlice<wchar_t>) -> Int {
        chars.reduce(0) { $0 + (Unicode.Scalar(UInt32(bitPattern: $1)).map(DisplayWidth.of) ?? 1) }
    }

    private func position(in text: [wchar_t], from start: Int, upTo end: Int, column: Int) -> Int {
        var used = 0
        var i = start
        while i < end {
            let w = Unicode.Scalar(UInt32(bitPattern: text[i])).map(DisplayWidth.of) ?? 1
            if used + w > column { break }
            used += w
            i += 1
        }
        return i
    }

    private func tab() -> UInt8 {
        switch mode {
        case .edit: return nextPlaceholder()
        case .answer: return UInt8(CC_ERROR)
        case .main, .choice: return complete()
        }
    }

    /// Moves to the next ⟨placeholder⟩ after the cursor (wrapping round) and
    /// removes it, so what is typed next fills it.
    private func nextPlaceholder() -> UInt8 {
        let (text, cursor) = lineState()
        let open = wchar_t(0x27E8), close = wchar_t(0x27E9)
        func find(from: Int, to: Int) -> (Int, Int)? {
            var i = from
            while i < to {
                if text[i] == open, let j = text[(i + 1)..<text.count].firstIndex(of: close),
                    !text[(i + 1)..<j].contains(10)
                {
                    return (i, j)
                }
                i += 1
            }
            return nil
        }
        guard let (start, end) = find(from: cursor, to: text.count) ?? find(from: 0, to: cursor) else {
            return UInt8(CC_REFRESH_BEEP)
        }
        el_cursor(el, Int32(end + 1 - cursor))
        el_deletestr(el, Int32(end + 1 - start))
        return UInt8(CC_REFRESH)
    }

    private func complete() -> UInt8 {
        guard let completer else { return UInt8(CC_ERROR) }
        let (text, cursor) = lineState()
        var scalars = String.UnicodeScalarView()
        for w in text[0..<cursor] { if let s = Unicode.Scalar(UInt32(bitPattern: w)) { scalars.append(s) } }
        let result = completer(String(scalars))
        if !result.insert.isEmpty { _ = insert(result.insert) }
        if result.candidates.count > 1 {
            var canvas = Canvas(colour: colour)
            canvas.newline()
            let columns = TerminalIO.columns
            var line = ""
            for c in result.candidates {
                let item = c + "  "
                if DisplayWidth.of(line + item) > columns, !line.isEmpty {
                    canvas.line(line)
                    line = ""
                }
                line += item
            }
            if !line.isEmpty { canvas.line(line) }
            TerminalIO.write(canvas.rawModeOutput)
            return UInt8(CC_REDISPLAY)
        }
        if result.insert.isEmpty { return UInt8(CC_REFRESH_BEEP) }
        return UInt8(CC_REFRESH)
    }

    /// State of a Ctrl-R search in progress.
    private struct Search {
        var saved: Prompt
        var original: String
        var pattern: String
        /// The entry that matches the pattern now.
        var found: Int?
        /// The last entry that matched: it stays on the line while a longer
        /// pattern finds nothing.
        var shown: Int?
    }
    private var search: Search?
    static let searchStepKey = "\u{1B}[9996~"

    private func historyMatch(_ pattern: String, below start: Int) -> Int? {
        var i = min(start, historyEntries.count) - 1
        while i >= 0 {
            if pattern.isEmpty || historyEntries[i].contains(pattern) { return i }
            i -= 1
        }
        return nil
    }

    private func historyMatch(_ pattern: String, above start: Int) -> Int? {
        var i = max(start, -1) + 1
        while i < historyEntries.count {
            if pattern.isEmpty || historyEntries[i].contains(pattern) { return i }
            i += 1
        }
        return nil
    }

    /// Ctrl-R: incremental search of the history, newest first, by substring
    /// (so Chinese works). Text already on the line is the first pattern.
    /// Typing narrows, Backspace widens, Ctrl-R again finds an older match,
    /// Ctrl-S a newer one, Enter submits the match, any other key keeps it on
    /// the line for editing, Ctrl-G or Ctrl-C gives the line back.
    ///
    /// Each key is read by `searchStep`, reached through a pushed key
    /// sequence, so that libedit redraws the prompt and the line cleanly
    /// (CC_REDISPLAY) between keys.
    private func searchHistory() -> UInt8 {
        guard mode == .main else { return UInt8(CC_ERROR) }
        if search != nil { return searchStep(first: 18) }
        let original = lineText()
        var state = Search(saved: currentPrompt, original: original, pattern: original, found: nil, shown: nil)
        if !original.isEmpty {
            state.found = historyMatch(original, below: historyEntries.count)
            state.shown = state.found
        }
        search = state
        return showSearch()
    }

    private func lineText() -> String {
        let (text, _) = lineState()
        return String(String.UnicodeScalarView(text.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
    }

    private func showSearch() -> UInt8 {
        guard let state = search else { return UInt8(CC_NORM) }
        let failing = !state.pattern.isEmpty && state.found == nil
        let label = (failing ? "no match ‘" : "search ‘") + state.pattern + "’ › "
        setPrompt(Prompt(parts: [(label, failing ? .error : .warning)]), colour: colour)
        currentPrompt = state.saved
        replaceLine(with: state.shown.map { historyEntries[$0] } ?? state.original)
        el_push(el, Self.searchStepKey)
        return UInt8(CC_REDISPLAY)
    }

    private func endSearch(line: String?) {
        guard let state = search else { return }
        search = nil
        setPrompt(state.saved, colour: colour)
        if let line { replaceLine(with: line) }
    }

    private func searchStep(first: wchar_t? = nil) -> UInt8 {
        guard var state = search else { return UInt8(CC_NORM) }
        var c: wchar_t = first ?? 0
        if first == nil {
            let n = el_wgetc(el, &c)
            if n <= 0 { c = 7 }
        }
        switch c {
        case 7, 3:  // Ctrl-G, Ctrl-C (an interrupted read): the line as it was
            _ = SignalFlags.takeInterrupt()
            endSearch(line: state.original)
            return UInt8(CC_REDISPLAY)
        case 18, 19:  // Ctrl-R: older, Ctrl-S: newer
            let from = state.found ?? state.shown ?? historyEntries.count
            let match = c == 18 ? historyMatch(state.pattern, below: from) : historyMatch(state.pattern, above: from)
            if let f = match {
                state.found = f
                state.shown = f
            } else {
                el_beep(el)
            }
        case 127, 8:  // Backspace: a shorter pattern, from the newest again
            if !state.pattern.isEmpty { state.pattern.removeLast() }
            state.found = state.pattern.isEmpty ? nil : historyMatch(state.pattern, below: historyEntries.count)
            if state.found != nil { state.shown = state.found }
        case 13, 10:  // Enter: submit the entry shown (none: back to the line)
            let shown = state.shown
            endSearch(line: shown == nil ? state.original : nil)
            guard shown != nil else { return UInt8(CC_REDISPLAY) }
            // Redrawn first with the normal prompt, then submitted by a real
            // Enter, which moves below the line: what was sent reads as an
            // ordinary input line and the drafts start on a line of their own.
            var enter: [wchar_t] = [13, 0]
            el_wpush(el, &enter)
            return UInt8(CC_REDISPLAY)
        default:
            if c >= 32, let s = Unicode.Scalar(UInt32(bitPattern: c)), !(0x7F...0x9F).contains(s.value) {
                state.pattern.unicodeScalars.append(s)
                state.found = historyMatch(state.pattern, below: (state.found ?? state.shown).map { $0 + 1 } ?? historyEntries.count)
                if state.found != nil { state.shown = state.found }
            } else {
                // Any other key: keep the entry on the line, then let the key
                // do what it does there.
                endSearch(line: nil)
                var back: [wchar_t] = [c, 0]
                el_wpush(el, &back)
                return UInt8(CC_REDISPLAY)
            }
        }
        search = state
        return showSearch()
    }

    /// The whole line replaced by `text`, cursor at its end.
    private func replaceLine(with text: String) {
        let (current, cursor) = lineState()
        if text.isEmpty {
            if current.count > cursor { el_cursor(el, Int32(current.count - cursor)) }
            if !current.isEmpty { el_deletestr(el, Int32(current.count)) }
            return
        }
        var w = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
        el_wreplacestr(el, &w)
        let after = lineState()
        el_cursor(el, Int32(after.text.count - after.cursor))
    }

    // MARK: Reading characters

    /// libedit's own reader goes straight back to reading after a resize,
    /// so nothing could lay the drafts out again until the next key. This
    /// one waits for input itself: a resize (the flag kefu's SIGWINCH
    /// handler sets) becomes the key bound to `kefu-resize`, a Ctrl-C fails
    /// the read as libedit's would (el_wgets returns, EINTR), and a
    /// character that has arrived is read by libedit's own reader (UTF-8,
    /// its signal handling).
    private static let readFunction: kefu_el_getc_fn = { el, out in
        guard let el, let out, let me = EditLineReader.from(el) else { return -1 }
        return me.readCharacter(out)
    }

    private func readCharacter(_ out: UnsafeMutablePointer<wchar_t>) -> Int32 {
        while true {
            if SignalFlags.takeResize() {
                // ESC now, the rest of the key sequence from libedit's queue.
                el_push(el, String(Self.resizeKey.dropFirst()))
                out.pointee = 27
                return 1
            }
            if SignalFlags.interruptPending {
                errno = EINTR
                return -1
            }
            if kefu_wait_readable(0) < 0 {
                if errno == EINTR { continue }
                return -1
            }
            kefu_el_set_getcfn(el, nil)
            let n = el_wgetc(el, out)
            let savedErrno = errno
            kefu_el_set_getcfn(el, Self.readFunction)
            errno = savedErrno
            return n
        }
    }

    /// A resize: libedit learns the new size, and with drafts on the screen
    /// the screen is drawn again at the new width, as Ctrl-L does.
    private func resized() -> UInt8 {
        el_resize(el)
        guard let block = redraw?(), !block.isEmpty else { return UInt8(CC_REDISPLAY) }
        return redrawScreen(block)
    }

    private func redrawScreen() -> UInt8 { redrawScreen(redraw?() ?? "") }

    private func redrawScreen(_ block: String) -> UInt8 {
        TerminalIO.write("\u{1B}[H\u{1B}[2J" + block.replacingOccurrences(of: "\n", with: "\r\n"))
        return UInt8(CC_REDISPLAY)
    }
}
