/// A snippet pack as written in one YAML file (docs/snippet-packs.md).
package struct Pack: Sendable {
    package struct Info: Sendable {
        package var id: String
        package var name: String
        package var version: String
        package var description: String
        package var languages: [Language]
        /// File path, or `builtin:NAME.yaml` for packs embedded in the binary.
        package var source: String
        package var layer: PackLayer
    }

    package var info: Info
    package var variables: [String]
    package var partials: [String: LocalizedTemplates]
    package var intents: [IntentDefinition]
    package var snippets: [SnippetDefinition]
}

/// Texts of one template per language.
package typealias LocalizedTemplates = [Language: Template]
