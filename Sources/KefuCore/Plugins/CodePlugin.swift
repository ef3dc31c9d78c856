/// A plugin compiled into kefu (`Plugins/<Name>/`, registered in
/// `BuiltinPlugins`). It declares itself, then builds its parts from its
/// settings once per load; a plugin whose settings or data are bad throws,
/// and is reported failed while everything else works.
public protocol CodePlugin: Sendable {
    var declaration: PluginDeclaration { get }
    func load(_ settings: PluginSettings) throws -> PluginParts
    /// Messages with their expected outcome, run by `kefu test`.
    var examples: [PluginExample] { get }
}

extension CodePlugin {
    /// No examples: a plugin that declares none is only loaded, not tested.
    public var examples: [PluginExample] { [] }
}

/// What a loaded plugin adds to the pipeline.
public struct PluginParts: Sendable {
    /// Intent detectors, built once per loaded library.
    public var detectorFactories: [any IntentDetectorFactory]
    /// Entity extractors, run on every message.
    public var extractors: [any EntityExtractor]
    /// Draft providers, whose drafts are ranked with the packs'.
    public var providers: [any DraftProvider]
    /// Draft checks, run on every draft shown.
    public var checks: [any DraftCheck]

    /// Parts with any of the four kinds; the rest stay empty.
    public init(
        detectorFactories: [any IntentDetectorFactory] = [], extractors: [any EntityExtractor] = [],
        providers: [any DraftProvider] = [], checks: [any DraftCheck] = []
    ) {
        self.detectorFactories = detectorFactories
        self.extractors = extractors
        self.providers = providers
        self.checks = checks
    }

    mutating func add(_ other: PluginParts) {
        detectorFactories += other.detectorFactories
        extractors += other.extractors
        providers += other.providers
        checks += other.checks
    }
}

/// A message a plugin declares with what must come of it: `kefu test`
/// runs it through the engine with the plugin loaded.
public struct PluginExample: Sendable, Hashable {
    /// The buyer message, as pasted.
    public var message: String
    /// Values the agent would have set (`shop`, `order_id`...).
    public var variables: [String: String]
    /// An intent that must be detected.
    public var intent: String?
    /// A draft (by id) that must be offered.
    public var draft: String?
    /// A warning code that some draft must carry.
    public var warning: String?
    /// When true, the draft/warning must NOT appear (a counter-example).
    public var absent: Bool

    /// An example: a message and what must (or, with `absent`, must not) come of it.
    public init(
        _ message: String, variables: [String: String] = [:], intent: String? = nil, draft: String? = nil, warning: String? = nil,
        absent: Bool = false
    ) {
        self.message = message
        self.variables = variables
        self.intent = intent
        self.draft = draft
        self.warning = warning
        self.absent = absent
    }
}
