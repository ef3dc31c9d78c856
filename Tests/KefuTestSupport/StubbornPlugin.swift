import Foundation

/// An external plugin that ignores SIGTERM, SIGHUP, SIGINT and end of input,
/// with a child of its own: what must still die with kefu (issue 11). It
/// writes its pid and its child's to `plugin.pid` and `sleeper.pid` in
/// the sandbox.
public enum StubbornPlugin {
    public static let script = """
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

    /// Writes the plugin into `plugins/` in the sandbox; returns that plugins folder.
    public static func install(in sandbox: Sandbox) throws -> String {
        let script = script.replacingOccurrences(of: "$KEFU_TEST_DIR", with: sandbox.path)
        let path = try sandbox.writeExecutable("kefu-plugin-stubborn", script, in: "plugins")
        return (path as NSString).deletingLastPathComponent
    }

    /// The plugin's pid and its child's, once it has started.
    public static func pids(in sandbox: Sandbox) -> (plugin: Int32, sleeper: Int32)? {
        func read(_ name: String) -> Int32? {
            Int32(sandbox.read(sandbox.path + "/" + name).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard let plugin = read("plugin.pid"), let sleeper = read("sleeper.pid") else { return nil }
        return (plugin, sleeper)
    }

    /// Waits up to two seconds for both to be gone.
    public static func bothGone(_ pids: (plugin: Int32, sleeper: Int32)) -> Bool {
        Poll.untilTrue(timeout: 2, interval: 0.02) { ProcessTable.isGone(pids.plugin) && ProcessTable.isGone(pids.sleeper) }
    }
}
