/// One problem found in a pack, printed the way compilers print them so that
/// editors can jump to it: `file:line:col: error: message`.
public struct PackDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    package var location: SourceLocation
    package var message: String

    package init(_ message: String, at location: SourceLocation) {
        self.location = location
        self.message = message
    }

    /// The message as printed: `file:line:col: error: message`.
    public var description: String { "\(location): error: \(message)" }
}
