import Foundation
import KefuTestSupport
import Testing

@testable import KefuExternalPlugins

@Suite("External plugins: discovery and safety")
struct DiscoveryTests {
    let plugin = "#!/bin/sh\nexit 0\n"

    @Test func findsKefuPluginExecutablesInFolders() throws {
        let box = try Sandbox()
        try box.script("kefu-plugin-a", plugin, in: "plugins")
        try box.script("kefu-plugin-b.py", plugin, in: "plugins")
        try box.script("other-tool", plugin, in: "plugins")
        let found = ExternalPluginDiscovery.discover(folders: [(box.path + "/plugins", false)], configured: [], configFolder: box.path)
        #expect(found.specs.map(\.provisionalID) == ["a", "b"])
        #expect(found.refused.isEmpty)
    }

    @Test func worldWritableFolderIsRefusedWithAClearMessage() throws {
        let box = try Sandbox()
        try box.script("kefu-plugin-a", plugin, in: "open")
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: box.path + "/open")
        let found = ExternalPluginDiscovery.discover(folders: [(box.path + "/open", false)], configured: [], configFolder: box.path)
        #expect(found.specs.isEmpty)
        let why = try #require(found.refused.first?.detail)
        #expect(why.contains("is writable by other users (mode 777); fix with: chmod go-w"))
        #expect(found.refused.first?.state == .refused)
    }

    @Test func groupWritablePluginFileIsRefused() throws {
        let box = try Sandbox()
        try box.script("kefu-plugin-a", plugin, mode: 0o775, in: "plugins")
        let found = ExternalPluginDiscovery.discover(folders: [(box.path + "/plugins", false)], configured: [], configFolder: box.path)
        #expect(found.specs.isEmpty)
        #expect(found.refused.first?.detail?.contains("writable by its group") == true)
    }

    @Test func notExecutableIsRefused() throws {
        let box = try Sandbox()
        try box.script("kefu-plugin-a", plugin, mode: 0o644, in: "plugins")
        let found = ExternalPluginDiscovery.discover(folders: [(box.path + "/plugins", false)], configured: [], configFolder: box.path)
        #expect(found.refused.first?.detail?.contains("not an executable file; fix with: chmod +x") == true)
    }

    @Test func missingDefaultFolderIsFineButMissingGivenPathIsReported() throws {
        let box = try Sandbox()
        let quiet = ExternalPluginDiscovery.discover(folders: [(box.path + "/none", false)], configured: [], configFolder: box.path)
        #expect(quiet.refused.isEmpty)
        let loud = ExternalPluginDiscovery.discover(folders: [(box.path + "/none", true)], configured: [], configFolder: box.path)
        #expect(loud.refused.first?.detail == "no such file or folder")
    }

    @Test func configuredCommandsResolveOnlyThroughAbsolutePathEntries() throws {
        let box = try Sandbox()
        try box.script("mytool", plugin, in: "bin")
        try box.script("script.py", plugin, in: "conf/plugins")
        let entry = ExternalPluginDiscovery.ConfiguredPlugin(command: ["mytool", "plugins/script.py", "--flag"], id: "mine")
        // A relative PATH entry (".") would run the current directory's files: never used.
        let relative = ExternalPluginDiscovery.discover(
            folders: [], configured: [entry], configFolder: box.path + "/conf", searchPath: ".:bin:" + box.path + "/nothing-here")
        #expect(relative.specs.isEmpty)
        #expect(relative.refused.first?.detail?.contains("not an executable") == true)
        let absolute = ExternalPluginDiscovery.discover(
            folders: [], configured: [entry], configFolder: box.path + "/conf", searchPath: box.path + "/bin")
        let spec = try #require(absolute.specs.first)
        #expect(spec.command == [box.path + "/bin/mytool", box.path + "/conf/plugins/script.py", "--flag"])
        #expect(spec.configuredID == "mine")
    }

    @Test func configuredScriptInAnUnsafeFolderIsRefused() throws {
        let box = try Sandbox()
        try box.script("script.py", plugin, in: "conf/shared")
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: box.path + "/conf/shared")
        let entry = ExternalPluginDiscovery.ConfiguredPlugin(command: ["/bin/sh", "shared/script.py"])
        let found = ExternalPluginDiscovery.discover(folders: [], configured: [entry], configFolder: box.path + "/conf")
        #expect(found.specs.isEmpty)
        #expect(found.refused.first?.detail?.contains("writable by other users") == true)
    }
}

@Suite("External plugins: symbolic links")
struct SymlinkSafetyTests {
    @Test func aLinkIntoAnOpenFolderIsRefused() throws {
        let box = try Sandbox()
        let target = try box.script("real-plugin", "#!/bin/sh\nexit 0\n", in: "open")
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: box.path + "/open")
        try FileManager.default.createDirectory(
            atPath: box.path + "/plugins", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.createSymbolicLink(atPath: box.path + "/plugins/kefu-plugin-linked", withDestinationPath: target)
        let found = ExternalPluginDiscovery.discover(folders: [(box.path + "/plugins", false)], configured: [], configFolder: box.path)
        #expect(found.specs.isEmpty)
        #expect(found.refused.first?.detail?.contains("plugin folder \(box.path)/open is writable by other users") == true)
    }
}
