import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An external plugin that ignores SIGTERM, SIGHUP, SIGINT and end of input,
/// with a child of its own: what must still die with kefu (issue 11). It
/// writes its pid and its child's to `plugin.pid` and `sleeper.pid` in
/// `folder`.
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

    /// Writes the plugin into `plugins/` under `folder`; returns that plugins folder.
    public static func install(in folder: URL) throws -> String {
        let plugins = folder.appendingPathComponent("plugins").path
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = plugins + "/kefu-plugin-stubborn"
        try Data(script.replacingOccurrences(of: "$KEFU_TEST_DIR", with: folder.path).utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return plugins
    }

    /// The plugin's pid and its child's, once it has started.
    public static func pids(in folder: URL) -> (plugin: Int32, sleeper: Int32)? {
        func read(_ name: String) -> Int32? {
            (try? String(contentsOfFile: folder.appendingPathComponent(name).path, encoding: .utf8))
                .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        guard let plugin = read("plugin.pid"), let sleeper = read("sleeper.pid") else { return nil }
        return (plugin, sleeper)
    }

    /// Gone, or a zombie nobody has reaped yet (it runs no more).
    public static func isGone(_ pid: Int32) -> Bool {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return stat.isEmpty || stat.contains(") Z ")
    }

    /// Waits up to two seconds for both to be gone.
    public static func bothGone(_ pids: (plugin: Int32, sleeper: Int32)) -> Bool {
        for _ in 0..<100 {
            if isGone(pids.plugin) && isGone(pids.sleeper) { return true }
            usleep(20_000)
        }
        return false
    }
}
