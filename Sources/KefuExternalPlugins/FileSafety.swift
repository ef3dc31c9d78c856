import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether a plugin file, and the folder it sits in, could have been put
/// there by someone else: kefu runs plugins with the agent's rights, so a
/// folder another user can write to is a way to run code as the agent.
enum FileSafety {
    /// A reason to refuse `path`, or nil when it is safe: owned by the user
    /// or root, and not writable by group or others.
    static func problem(with path: String, what: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return "\(what) \(path) cannot be read: \(String(cString: strerror(errno)))" }
        let mode = st.st_mode & 0o7777
        if st.st_uid != getuid() && st.st_uid != 0 {
            return "\(what) \(path) belongs to another user (uid \(st.st_uid)); only your own or root's plugins run"
        }
        if mode & 0o022 != 0 {
            return
                "\(what) \(path) is writable by \(mode & 0o002 != 0 ? "other users" : "its group") (mode \(String(mode, radix: 8))); fix with: chmod go-w \(path)"
        }
        return nil
    }

    /// Checks the file itself, the folder it is in, and through a symbolic
    /// link the real file and its folder.
    static func problem(withPlugin path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        if let p = problem(with: folder.isEmpty ? "/" : folder, what: "plugin folder") { return p }
        if let p = problem(with: path, what: "plugin") { return p }
        let real = (path as NSString).resolvingSymlinksInPath
        if real != path {
            if let p = problem(with: (real as NSString).deletingLastPathComponent, what: "plugin folder") { return p }
            if let p = problem(with: real, what: "plugin") { return p }
        }
        return nil
    }

    static func isExecutableFile(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }
}
