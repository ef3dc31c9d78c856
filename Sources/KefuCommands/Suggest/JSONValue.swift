/// A JSON value as `StrictJSONParser` reads it. Numbers keep the text they
/// were written with: an id `1234567890123456789` or a value `1e-7` comes
/// back exactly as given, never rounded through a `Double`. Booleans and
/// numbers stay distinct.
enum JSONValue: Equatable {
    case string(String)
    /// The number's text as written (valid JSON number syntax).
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])
}
