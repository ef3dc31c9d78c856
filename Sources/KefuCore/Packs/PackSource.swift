import Foundation

/// One pack file to load: its text and where it came from.
public struct PackSource: Sendable {
    package var path: String
    package var text: String
    package var layer: PackLayer

    /// A pack's text, the path its diagnostics name, and the layer it loads into.
    public init(path: String, text: String, layer: PackLayer) {
        self.path = path
        self.text = text
        self.layer = layer
    }

    /// Every `.yaml`/`.yml` file at `path` (a file, or a folder read recursively
    /// in path order). Unreadable files and folders, symlink loops and files
    /// over `UserTextFile.sizeLimit` come back as diagnostics, not silence.
    package static func files(at path: String, layer: PackLayer) -> (sources: [PackSource], problems: [Diagnostic]) {
        var walk = PackFolderWalk()
        walk.visit(path, named: true)
        var sources: [PackSource] = []
        var problems = walk.problems
        for p in walk.files.sorted() {
            switch UserTextFile.load(p) {
            case .text(let text): sources.append(PackSource(path: p, text: text, layer: layer))
            case .missing:
                problems.append(
                    Diagnostic("cannot read the file: it is a dangling symbolic link", at: SourceLocation(file: p, line: 1, column: 1)))
            case .problem(let message, let line, let column):
                problems.append(Diagnostic(message, at: SourceLocation(file: p, line: line, column: column)))
            }
        }
        return (sources, problems.sorted { $0.location.file < $1.location.file })
    }

    /// Modification times of every pack file under these paths, for noticing
    /// edits: the same files `files(at:)` loads (one walk, hidden entries
    /// skipped by both).
    package static func fingerprint(of paths: [String]) -> [String: Date] {
        var walk = PackFolderWalk()
        for path in paths where FileManager.default.fileExists(atPath: path) { walk.visit(path, named: true) }
        var result: [String: Date] = [:]
        for f in walk.files {
            result[f] = (try? FileManager.default.attributesOfItem(atPath: f)[.modificationDate]) as? Date
        }
        return result
    }
}
