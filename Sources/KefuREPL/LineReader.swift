/// What reading one line gave.
enum LineInput: Equatable {
    /// The line, without its final line break. `pasted`: some of it came in
    /// through a bracketed paste (so it is a buyer message, never a key).
    case line(String, pasted: Bool)
    /// Ctrl-C: the line was cancelled.
    case interrupted
    /// Ctrl-D on an empty line, or end of input.
    case endOfInput
}

/// Where the line being read is used, which changes what some keys do.
enum LineMode {
    /// The main prompt: Up/Down reach history, Tab completes commands.
    case main
    /// Editing a draft: Up/Down move between its lines only, Tab jumps to the
    /// next ⟨placeholder⟩.
    case edit
    /// A short answer (a value for a blank, y/n): no history, no completion.
    case answer
    /// A short answer from a known set (`:save`'s intent): Tab completes it
    /// with the reader's `completer`; no history.
    case choice
}

/// A prompt: plain text, and the colour to show it in.
struct Prompt {
    var parts: [(String, Tone?)]
}

/// The source of input lines: libedit on a terminal, plain reads otherwise.
protocol LineReader: AnyObject {
    func read(_ prompt: Prompt, mode: LineMode, prefill: String?) -> LineInput
    /// Replaces the in-memory history (after the file was merged).
    func setHistory(_ entries: [String])
    var completer: ((String) -> Completion)? { get set }
    var redraw: (() -> String)? { get set }
    func close()
}

/// What Tab does with the text before the cursor.
struct Completion {
    /// Text to insert at the cursor.
    var insert: String = ""
    /// Candidates to list when there is more than one.
    var candidates: [String] = []
}
