/// One problem in a file kefu reads — a pack, config.yaml, a plugin's
/// setting, a catalogue or shop facts — printed one way everywhere, the way
/// compilers print them so that editors can jump to it:
/// `file:line:col: error: message (did you mean 'x'?)`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How bad it is: an error drops what it is about (a pack, a key, a
    /// setting); a warning keeps it and says what is odd.
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    /// Where the problem was written.
    public var location: SourceLocation
    /// Whether what it is about was dropped.
    public var severity: Severity
    /// What is wrong, and what kefu did about it ("...; ignored").
    public var message: String
    /// A likely fix ("did you mean 'snippets'?"), printed after the message
    /// in parentheses.
    public var hint: String?

    /// A problem `message` at `location`, with an optional `hint`.
    public init(_ message: String, at location: SourceLocation, severity: Severity = .error, hint: String? = nil) {
        self.location = location
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    /// The message as printed: `file:line:col: error: message (hint)`.
    public var description: String {
        "\(location): \(severity.rawValue): \(message)" + (hint.map { " (\($0))" } ?? "")
    }
}
