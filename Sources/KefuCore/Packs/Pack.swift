/// A snippet pack as written in one YAML file (docs/snippet-packs.md).
public struct Pack: Sendable {
    public struct Info: Sendable {
        public var id: String
        public var name: String
        public var version: String
        public var description: String
        public var languages: [Language]
        /// File path, or `builtin:NAME.yaml` for packs embedded in the binary.
        public var source: String
        public var layer: PackLayer
    }

    public var info: Info
    public var variables: [String]
    public var partials: [String: LocalizedTemplates]
    public var intents: [IntentDefinition]
    public var snippets: [SnippetDefinition]
}

/// Texts of one template per language.
public typealias LocalizedTemplates = [Language: Template]
