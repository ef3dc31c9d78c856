/// A position in a pack file: 1-based line and column (columns in Unicode scalars).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    /// In a pack embedded in the binary (`builtin:NAME.yaml`).
    public var isBuiltIn: Bool { file.hasPrefix("builtin:") }
}

/// One problem found in a pack, printed the way compilers print them so that
/// editors can jump to it: `file:line:col: error: message`.
public struct PackDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ message: String, at location: SourceLocation) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): error: \(message)" }
}
