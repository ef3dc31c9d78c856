import PackagePlugin
import Foundation

/// Embeds the package's top-level `snippets/` folder into the `KefuBuiltinSnippets`
/// target as one generated Swift file, so the `kefu` binary carries its built-in
/// packs and works from any directory.
///
/// The target holds a symlink `snippets -> ../../snippets` (excluded from sources):
/// listing the files through it is what makes SwiftPM re-run this plugin when a
/// pack is added, edited, renamed or deleted.
@main
struct EmbedSnippetsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = target.directoryURL.appending(path: "snippets")
        let inputs = packFiles(under: folder)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSnippets.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) snippet pack files",
                executable: try context.tool(named: "EmbedSnippetsTool").url,
                arguments: [folder.path(), output.path()],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func packFiles(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.path() < $1.path() }
    }
}
