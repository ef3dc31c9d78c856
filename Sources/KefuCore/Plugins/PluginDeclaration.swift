/// What a code plugin says about itself: shown by `kefu plugins list`, and
/// used to validate its settings under `plugins:` in config.yaml before the
/// plugin ever sees them.
public struct PluginDeclaration: Sendable, Hashable {
    /// Stable id: the key under `plugins:` in config.yaml and in `--disable`.
    public var id: String
    /// The plugin's own version, shown by `kefu plugins list`.
    public var version: String
    /// One line for `kefu plugins list`.
    public var summary: String
    /// What the plugin adds to the pipeline.
    public var provides: [PluginCapability]
    /// The keys it reads under `plugins: {<id>: {...}}`; any other key is an error.
    public var configurationKeys: [PluginConfigurationKey]

    /// A declaration; `configurationKeys` empty means the plugin takes no settings.
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
    /// The kinds of value a setting takes, checked before the plugin loads.
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

    /// The key under the plugin's entry in config.yaml.
    public var name: String
    /// What its value must be.
    public var kind: Kind
    /// One line for `kefu plugins list` and error hints.
    public var help: String

    /// A key the plugin reads.
    public init(_ name: String, _ kind: Kind, _ help: String) {
        self.name = name
        self.kind = kind
        self.help = help
    }
}
