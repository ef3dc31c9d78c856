import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A terminated kefu leaves no plugin behind (issue 11): an EOF-ignoring
/// plugin and the child it started die with kefu on SIGTERM and SIGHUP
/// (a closed terminal window), not only on a clean exit.
@Suite struct PluginLifetimeCLITests {
    static let stubborn = """
        #!/bin/sh
        trap '' TERM HUP INT
        sleep 300 &
        echo $! > "$KEFU_TEST_DIR/sleeper.pid"
        echo $$ > "$KEFU_TEST_DIR/plugin.pid"
        read hello
        printf '%s\\n' '{"type":"hello","protocol":1,"id":"stubborn","capabilities":["extract"]}'
        while true; do
          if read request; then
            id=$(printf '%s' "$request" | sed 's/.*"id":\\([0-9]*\\).*/\\1/')
            printf '{"id":%s,"entities":[]}\\n' "$id"
          else
            sleep 0.05
          fi
        done
        """

    static func isGone(_ pid: Int32) -> Bool {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return stat.isEmpty || stat.contains(") Z ")
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func aTerminatedKefuTakesItsPluginsWithIt(_ sig: Int32) throws {
        let sandbox = try Sandbox()
        let plugins = sandbox.root.appendingPathComponent("plugins").path
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = plugins + "/kefu-plugin-stubborn"
        try Data(Self.stubborn.replacingOccurrences(of: "$KEFU_TEST_DIR", with: sandbox.root.path).utf8).write(
            to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)

        // A deadline no loaded machine misses: a timed-out plugin is restarted,
        // and the pid file would then name one that is already gone.
        let kefu = try LiveKefu(
            ["suggest", "--format", "jsonl", "--no-user-packs", "--plugins", plugins, "--plugin-deadline", "10000"], in: sandbox)
        try kefu.send("where is my parcel\n")
        #expect(kefu.readLine(timeout: 30) != nil, "no answer")
        let plugin = try #require(
            Int32(
                String(contentsOfFile: sandbox.root.path + "/plugin.pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        let sleeper = try #require(
            Int32(
                String(contentsOfFile: sandbox.root.path + "/sleeper.pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
        )
        #expect(
            !Self.isGone(plugin) && !Self.isGone(sleeper),
            "\((try? String(contentsOfFile: "/proc/\(plugin)/stat", encoding: .utf8)) ?? "none") \(kefu.process.processIdentifier)")

        kill(kefu.process.processIdentifier, sig)
        #expect(kefu.waitForExit(timeout: 30) != nil)
        var gone = false
        for _ in 0..<100 where !gone {
            gone = Self.isGone(plugin) && Self.isGone(sleeper)
            if !gone { usleep(20_000) }
        }
        #expect(gone, "the plugin or its child outlived kefu")
        if !gone { kill(-plugin, SIGKILL) }
    }
}
