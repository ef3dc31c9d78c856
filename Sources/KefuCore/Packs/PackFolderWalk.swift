import Foundation

/// The pack files under a path, and every part of it that could not be
/// looked into (a folder without read permission, a symlink loop), so that a
/// pack nobody can see is reported rather than skipped. Hidden entries are
/// skipped; a folder reached twice through symlinks is read once.
struct PackFolderWalk {
    private(set) var files: [String] = []
    private(set) var problems: [Diagnostic] = []
    private var seenFolders: Set<[UInt64]> = []

    /// `named`: the path was given by the user (or config), so anything at it
    /// counts; inside a folder only `.yaml`/`.yml` files do.
    mutating func visit(_ path: String, named: Bool) {
        let isPack = path.hasSuffix(".yaml") || path.hasSuffix(".yml")
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            // A broken entry inside a folder matters only if it looks like a pack.
            guard named || isPack else { return }
            switch code {
            case ENOENT where named: problem(path, "no such file or folder")
            case ENOENT: problem(path, "cannot read the file: it is a dangling symbolic link")
            case ELOOP: problem(path, "cannot read: too many levels of symbolic links (a symlink loop?)")
            case EACCES: problem(path, "cannot read: permission denied")
            default: problem(path, "cannot read: \(String(cString: strerror(code)))")
            }
            return
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            if named || isPack { files.append(path) }
            return
        }
        guard seenFolders.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            problem(path, access(path, R_OK | X_OK) == 0 ? "cannot read the folder" : "cannot read the folder: permission denied")
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            visit(path.hasSuffix("/") ? path + name : path + "/" + name, named: false)
        }
    }

    private mutating func problem(_ path: String, _ message: String) {
        problems.append(Diagnostic(message, at: SourceLocation(file: path, line: 1, column: 1)))
    }
}
