import Foundation

/// What /proc says of a process the test started indirectly (a plugin, a
/// plugin's child), which it cannot wait for itself.
public enum ProcessTable {
    /// Gone, or a zombie nobody has reaped yet (it runs no more).
    public static func isGone(_ pid: Int32) -> Bool {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return stat.isEmpty || stat.contains(") Z ")
    }
}
