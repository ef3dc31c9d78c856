import Foundation
import Testing

@testable import KefuExternalPlugins

@Suite("External plugins: discovery and safety")
struct DiscoveryTests {
    let plugin = "#!/bin/sh\nexit 0\n"

    @Test func findsKefuPluginExecutablesInFolders() throws {
        let box = try PluginSandbox()
        try box.script("kefu-plugin-a", plugin, in: "plugins")
        try box.script("kefu-plugin-b.py", plugin, in: "plugins")
        try box.script("other-tool", plugin, in: "plugins")
        let found = ExternalPluginDiscovery.discover(folders: [(box.root + "/plugins", false)], configured: [], configFolder: box.root)
        #expect(found.specs.map(\.provisionalID) == ["a", "b"])
        #expect(found.refused.isEmpty)
    }

    @Test func worldWritableFolderIsRefusedWithAClearMessage() throws {
        let box = try PluginSandbox()
        try box.script("kefu-plugin-a", plugin, in: "open")
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: box.root + "/open")
        let found = ExternalPluginDiscovery.discover(folders: [(box.root + "/open", false)], configured: [], configFolder: box.root)
        #expect(found.specs.isEmpty)
        let why = try #require(found.refused.first?.detail)
        #expect(why.contains("is writable by other users (mode 777); fix with: chmod go-w"))
        #expect(found.refused.first?.state == .refused)
    }

    @Test func groupWritablePluginFileIsRefused() throws {
        let box = try PluginSandbox()
        try box.script("kefu-plugin-a", plugin, mode: 0o775, in: "plugins")
        let found = ExternalPluginDiscovery.discover(folders: [(box.root + "/plugins", false)], configured: [], configFolder: box.root)
        #expect(found.specs.isEmpty)
        #expect(found.refused.first?.detail?.contains("writable by its group") == true)
    }

    @Test func notExecutableIsRefused() throws {
        let box = try PluginSandbox()
        try box.script("kefu-plugin-a", plugin, mode: 0o644, in: "plugins")
        let found = ExternalPluginDiscovery.discover(folders: [(box.root + "/plugins", false)], configured: [], configFolder: box.root)
        #expect(found.refused.first?.detail?.contains("not an executable file; fix with: chmod +x") == true)
    }

    @Test func missingDefaultFolderIsFineButMissingGivenPathIsReported() throws {
        let box = try PluginSandbox()
        let quiet = ExternalPluginDiscovery.discover(folders: [(box.root + "/none", false)], configured: [], configFolder: box.root)
        #expect(quiet.refused.isEmpty)
        let loud = ExternalPluginDiscovery.discover(folders: [(box.root + "/none", true)], configured: [], configFolder: box.root)
        #expect(loud.refused.first?.detail == "no such file or folder")
    }

    @Test func configuredCommandsResolveOnlyThroughAbsolutePathEntries() throws {
        let box = try PluginSandbox()
        try box.script("mytool", plugin, in: "bin")
        try box.script("script.py", plugin, in: "conf/plugins")
        let entry = ExternalPluginDiscovery.ConfiguredPlugin(command: ["mytool", "plugins/script.py", "--flag"], id: "mine")
        // A relative PATH entry (".") would run the current directory's files: never used.
        let relative = ExternalPluginDiscovery.discover(
            folders: [], configured: [entry], configFolder: box.root + "/conf", searchPath: ".:bin:" + box.root + "/nothing-here")
        #expect(relative.specs.isEmpty)
        #expect(relative.refused.first?.detail?.contains("not an executable") == true)
        let absolute = ExternalPluginDiscovery.discover(
            folders: [], configured: [entry], configFolder: box.root + "/conf", searchPath: box.root + "/bin")
        let spec = try #require(absolute.specs.first)
        #expect(spec.command == [box.root + "/bin/mytool", box.root + "/conf/plugins/script.py", "--flag"])
        #expect(spec.configuredID == "mine")
    }

    @Test func configuredScriptInAnUnsafeFolderIsRefused() throws {
        let box = try PluginSandbox()
        try box.script("script.py", plugin, in: "conf/shared")
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: box.root + "/conf/shared")
        let entry = ExternalPluginDiscovery.ConfiguredPlugin(command: ["/bin/sh", "shared/script.py"])
        let found = ExternalPluginDiscovery.discover(folders: [], configured: [entry], configFolder: box.root + "/conf")
        #expect(found.specs.isEmpty)
        #expect(found.refused.first?.detail?.contains("writable by other users") == true)
    }
}

@Suite("External plugins: symbolic links")
struct SymlinkSafetyTests {
    @Test func aLinkIntoAnOpenFolderIsRefused() throws {
        let box = try PluginSandbox()
        let target = try box.script("real-plugin", "#!/bin/sh\nexit 0\n", in: "open")
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: box.root + "/open")
        try FileManager.default.createDirectory(
            atPath: box.root + "/plugins", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.createSymbolicLink(atPath: box.root + "/plugins/kefu-plugin-linked", withDestinationPath: target)
        let found = ExternalPluginDiscovery.discover(folders: [(box.root + "/plugins", false)], configured: [], configFolder: box.root)
        #expect(found.specs.isEmpty)
        #expect(found.refused.first?.detail?.contains("plugin folder \(box.root)/open is writable by other users") == true)
    }
}
