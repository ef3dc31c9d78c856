/// What a code plugin says about itself: shown by `kefu plugins list`, and
/// used to validate its settings under `plugins:` in config.yaml before the
/// plugin ever sees them.
public struct PluginDeclaration: Sendable, Hashable {
    public var id: String
    public var version: String
    /// One line for `kefu plugins list`.
    public var summary: String
    public var provides: [PluginCapability]
    /// The keys it reads under `plugins: {<id>: {...}}`; any other key is an error.
    public var configurationKeys: [PluginConfigurationKey]

    public init(
        id: String, version: String, summary: String, provides: [PluginCapability], configurationKeys: [PluginConfigurationKey] = []
    ) {
        self.id = id
        self.version = version
        self.summary = summary
        self.provides = provides
        self.configurationKeys = configurationKeys
    }
}

/// The four things a plugin can add to the pipeline.
public enum PluginCapability: String, Sendable, Hashable, CaseIterable {
    case intentDetector = "intent detector"
    case entityExtractor = "entity extractor"
    case draftProvider = "draft provider"
    case draftCheck = "draft check"
}

/// One setting a plugin reads, with the shape its value must have.
public struct PluginConfigurationKey: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Any scalar.
        case text
        /// A whole number.
        case integer
        /// `true` or `false`.
        case boolean
        /// A time of day, `HH:MM`.
        case timeOfDay = "time of day (HH:MM)"
        /// A file path, relative to the config folder.
        case path
    }

    public var name: String
    public var kind: Kind
    public var help: String

    public init(_ name: String, _ kind: Kind, _ help: String) {
        self.name = name
        self.kind = kind
        self.help = help
    }
}
