import Foundation
import PackagePlugin

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

    /// Pack files named through the target's `snippets` symlink: SwiftPM
    /// tracks inputs inside the target, and re-plans when they change.
    private func packFiles(under folder: URL) -> [URL] {
        let real = folder.resolvingSymlinksInPath().path()
        let paths = (try? FileManager.default.subpathsOfDirectory(atPath: real)) ?? []
        return
            paths
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted()
            .map { folder.appending(path: $0) }
    }
}
