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
