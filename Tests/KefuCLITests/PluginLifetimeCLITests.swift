import Foundation
import KefuTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A terminated kefu leaves no plugin behind (issue 11): an EOF-ignoring
/// plugin and the child it started die with kefu on SIGTERM and SIGHUP
/// (a closed terminal window), not only on a clean exit.
@Suite struct PluginLifetimeCLITests {
    @Test(arguments: [SIGTERM, SIGHUP])
    func aTerminatedKefuTakesItsPluginsWithIt(_ sig: Int32) throws {
        let sandbox = try Sandbox()
        let plugins = try StubbornPlugin.install(in: sandbox)
        // A deadline no loaded machine misses: a timed-out plugin is restarted,
        // and the pid file would then name one that is already gone.
        let kefu = try LiveKefu(
            ["suggest", "--format", "jsonl", "--no-user-packs", "--plugins", plugins, "--plugin-deadline", "10000"], in: sandbox)
        try kefu.send("where is my parcel\n")
        #expect(kefu.readLine(timeout: 30) != nil, "no answer")
        let pids = try #require(StubbornPlugin.pids(in: sandbox))
        #expect(!ProcessTable.isGone(pids.plugin) && !ProcessTable.isGone(pids.sleeper), "running before kefu is stopped")

        kill(kefu.process.processIdentifier, sig)
        #expect(kefu.waitForExit(timeout: 30) != nil)
        let gone = StubbornPlugin.bothGone(pids)
        #expect(gone, "the plugin or its child outlived kefu")
        if !gone { kill(-pids.plugin, SIGKILL) }
    }
}
