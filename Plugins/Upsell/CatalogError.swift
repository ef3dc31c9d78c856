import KefuCore

/// A catalogue that cannot be used, at the place it is wrong.
struct CatalogError: Error, CustomStringConvertible {
    var location: SourceLocation
    var message: String
    var description: String { "\(location.file):\(location.line):\(location.column): error: \(message)" }
}
