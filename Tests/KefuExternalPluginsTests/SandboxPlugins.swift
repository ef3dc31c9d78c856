import Foundation
import KefuTestSupport

@testable import KefuExternalPlugins

/// The sandbox as these tests use it: small plugins written as scripts, and
/// hosts whose logs go into it.
extension Sandbox {
    /// Writes an executable script and returns its path. Written under the
    /// plugin host's spawn lock, so no child forked meanwhile inherits the
    /// open file and makes running it fail (ETXTBSY).
    @discardableResult
    func script(_ name: String, _ text: String, mode: Int = 0o755, in folder: String? = nil) throws -> String {
        ChildProcess.spawnLock.lock()
        defer { ChildProcess.spawnLock.unlock() }
        return try writeExecutable(name, text, in: folder, mode: mode)
    }

    /// The scripted test plugin (see `TestPlugin.source`) in `mode`.
    func testPlugin(_ mode: String, id: String = "tp") throws -> ExternalPluginSpec {
        let path = try script("kefu-plugin-\(id).py", TestPlugin.source)
        return ExternalPluginSpec(command: [path, mode, id, self.path], origin: self.path)
    }

    /// A started host of the test plugin in `mode` (shut it down when done).
    func startedHost(
        _ mode: String, id: String = "tp", warnings: HostWarnings? = nil, _ tweak: (inout ExternalPluginSettings) -> Void = { _ in }
    ) throws -> ExternalPluginHost {
        let host = self.host([try testPlugin(mode, id: id)], warnings: warnings, tweak)
        host.start()
        return host
    }

    /// A host of `specs` with the test settings (`tweak` changes them) and
    /// its logs in the sandbox; what it warns of is kept in `warnings`.
    func host(
        _ specs: [ExternalPluginSpec], warnings: HostWarnings? = nil, _ tweak: (inout ExternalPluginSettings) -> Void = { _ in }
    ) -> ExternalPluginHost {
        var settings = TestPlugin.settings
        settings.logFolder = path + "/logs"
        tweak(&settings)
        return ExternalPluginHost(specs: specs, settings: settings, kefuVersion: "test", warn: { warnings?.append($0) })
    }
}
