/// The values config.yaml gives one plugin (`plugins: {<id>: {...}}`), each
/// with where it was written, so a plugin reports a bad value as
/// `file:line:col`. Values were already checked against the declared kinds.
public struct PluginSettings: Sendable, Hashable {
    /// One setting as written, with where it was written (for error messages).
    public struct Value: Sendable, Hashable {
        /// The value as written in config.yaml.
        public var text: String
        /// Where it was written.
        public var location: SourceLocation
        /// A value and its place.
        public init(text: String, location: SourceLocation) {
            self.text = text
            self.location = location
        }
    }

    /// The settings by key.
    public var values: [String: Value]
    /// The folder relative paths are resolved against (the config folder).
    public var folder: String

    /// Settings read from config.yaml; `folder` resolves relative paths.
    public init(values: [String: Value] = [:], folder: String = ".") {
        self.values = values
        self.folder = folder
    }

    /// The setting under `key`, if written.
    public subscript(key: String) -> Value? { values[key] }

    /// The setting as an integer, if it is one.
    public func integer(_ key: String) -> Int? { values[key].flatMap { Int($0.text) } }

    /// The setting as a boolean (`true`/`false`, `yes`/`no`, `on`/`off`), if it is one.
    public func boolean(_ key: String) -> Bool? {
        switch values[key]?.text.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    /// Minutes after midnight of an `HH:MM` value.
    public func timeOfDay(_ key: String) -> Int? { values[key].flatMap { Self.minutes($0.text) } }

    /// A path value resolved against the config folder.
    public func path(_ key: String) -> String? {
        guard let p = values[key]?.text, !p.isEmpty else { return nil }
        return p.hasPrefix("/") ? p : folder + "/" + p
    }

    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2,
            let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        return h * 60 + m
    }

    /// Why `value` does not fit `kind`, or nil when it does.
    public static func problem(_ value: String, for kind: PluginConfigurationKey.Kind) -> String? {
        switch kind {
        case .text, .path: return nil
        case .integer: return Int(value) == nil ? "expected a whole number, found '\(value)'" : nil
        case .boolean:
            return ["true", "false", "yes", "no", "on", "off"].contains(value.lowercased())
                ? nil : "expected true or false, found '\(value)'"
        case .timeOfDay: return minutes(value) == nil ? "expected a time of day HH:MM, found '\(value)'" : nil
        }
    }
}
