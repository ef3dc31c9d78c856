/// The packs shipped inside the binary: the repository's top-level `snippets/`
/// folder, embedded at build time by `EmbedSnippetsPlugin`.
public enum BuiltinSnippets {
    /// Every built-in pack file as (path relative to `snippets/`, YAML text):
    /// the top-level packs that define the intents first, then the folders
    /// that extend them (`examples/`), each sorted by path so that load order
    /// is stable.
    public static var files: [(path: String, text: String)] {
        embeddedSnippetFiles
            .sorted { ($0.key.contains("/") ? 1 : 0, $0.key) < ($1.key.contains("/") ? 1 : 0, $1.key) }
            .map { (path: $0.key, text: $0.value) }
    }
}
