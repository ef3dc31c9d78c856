import ArgumentParser
import Foundation
import KefuCore

/// `kefu plugins new NAME --kind pack|swift|external`: a working, tested
/// starting point for a new plugin.
struct PluginsNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new plugin to start from: a pack, a Swift code plugin or an external plugin.",
        discussion: """
            pack      snippets/NAME.yaml: an intent with examples and a snippet; passes `kefu test`.
            external  plugins/kefu-plugin-NAME: a Python 3 plugin with the handshake done and examples.
            swift     Plugins/Name/: a detector with tests; prints the Package.swift and registry lines to add.

            Files are written under --dir (default: the current directory); an existing file is never overwritten.
            """)

    @Argument(help: ArgumentHelp("Plugin id: lower-case letters, digits, '-' and '_', starting with a letter.", valueName: "name"))
    var name: String

    @Option(name: .long, help: ArgumentHelp("What to write (see above).", valueName: "kind"))
    var kind: Kind

    @Option(name: .long, help: ArgumentHelp("Project folder to write into.", valueName: "path"))
    var dir: String = "."

    enum Kind: String, ExpressibleByArgument, CaseIterable { case pack, swift, external }

    func validate() throws {
        // An id (`Identifier`) that also names a Swift type and a file:
        // starting with a letter, no '.', short enough for both.
        guard Identifier.isValid(name), let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.count <= 40,
            !name.contains(".")
        else {
            throw ValidationError(
                "plugin name '\(name)' must be lower-case letters, digits, '-' or '_', starting with a letter (at most 40)")
        }
    }

    /// `gift-wrap` → `GiftWrap`.
    var typeName: String {
        name.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    func run() throws {
        let root = (dir as NSString).standardizingPath
        switch kind {
        case .pack:
            let path = root + "/snippets/\(name).yaml"
            try write(path, PluginScaffold.pack(name))
            StandardOutput.print("Wrote \(path)\nTry it: kefu test \(path)")
        case .external:
            let folder = root + "/plugins"
            let path = folder + "/kefu-plugin-\(name)"
            try write(path, PluginScaffold.external(name), mode: 0o755, folderMode: 0o755)
            StandardOutput.print("Wrote \(path)\nTry it: kefu test --plugins \(folder)   (and: kefu plugins list --plugins \(folder))")
        case .swift:
            let folder = root + "/Plugins/\(typeName)"
            try write(folder + "/\(typeName)Detector.swift", PluginScaffold.swiftDetector(name, type: typeName))
            try write(folder + "/Tests/\(typeName)Tests.swift", PluginScaffold.swiftTests(name, type: typeName))
            try write(folder + "/README.md", PluginScaffold.swiftReadme(name, type: typeName))
            StandardOutput.print(PluginScaffold.swiftInstructions(name, type: typeName), terminator: "")
        }
    }

    private func write(_ path: String, _ text: String, mode: Int = 0o644, folderMode: Int = 0o755) throws {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: path) else { throw ValidationError("\(path) already exists; not overwriting it") }
        let folder = (path as NSString).deletingLastPathComponent
        if !fm.fileExists(atPath: folder) {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: folderMode])
        }
        guard fm.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode]) else {
            throw ValidationError("cannot write \(path)")
        }
    }
}
