import Foundation

/// The permission bits of a file, for tests of what kefu keeps private.
public enum FilePermissions {
    /// The mode (0o600 and the like), or -1 when there is no such file.
    public static func of(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? -1
    }
}
