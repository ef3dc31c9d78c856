import Foundation
import KefuCore

/// The packs shipped inside the binary: the repository's top-level `snippets/`
/// folder, embedded at build time by `EmbedSnippetsPlugin`, with the linear
/// model trained on their examples at the same time.
public enum BuiltinSnippets {
    /// Every built-in pack file as (path relative to `snippets/`, YAML text),
    /// in load order (`BuiltinPackOrder`). Reading them also hands the
    /// embedded model to `LinearModelStore`, so an engine over exactly these
    /// packs never trains.
    public static var files: [(path: String, text: String)] {
        _ = registered
        return
            embeddedSnippetFiles
            .sorted { BuiltinPackOrder.precedes($0.key, $1.key) }
            .map { (path: $0.key, text: $0.value) }
    }

    private static let registered: Void = {
        guard !embeddedModel.fingerprint.isEmpty else { return }
        LinearModelStore.embed(fingerprint: embeddedModel.fingerprint) {
            Array(Data(base64Encoded: embeddedModel.base64) ?? Data())
        }
    }()
}
