import Foundation

/// One pack file to load: its text and where it came from.
public struct PackSource: Sendable {
    public var path: String
    public var text: String
    public var layer: PackLayer

    public init(path: String, text: String, layer: PackLayer) {
        self.path = path
        self.text = text
        self.layer = layer
    }

    /// Every `.yaml`/`.yml` file at `path` (a file, or a folder read recursively
    /// in path order). Unreadable files and folders, symlink loops and files
    /// over `UserTextFile.sizeLimit` come back as diagnostics, not silence.
    public static func files(at path: String, layer: PackLayer) -> (sources: [PackSource], problems: [PackDiagnostic]) {
        var walk = PackFolderWalk()
        walk.visit(path, named: true)
        var sources: [PackSource] = []
        var problems = walk.problems
        for p in walk.files.sorted() {
            switch UserTextFile.load(p) {
            case .text(let text): sources.append(PackSource(path: p, text: text, layer: layer))
            case .missing: problems.append(PackDiagnostic("cannot read the file: it is a dangling symbolic link", at: SourceLocation(file: p, line: 1, column: 1)))
            case .problem(let message, let line, let column): problems.append(PackDiagnostic(message, at: SourceLocation(file: p, line: line, column: column)))
            }
        }
        return (sources, problems.sorted { $0.location.file < $1.location.file })
    }

    /// Modification times of every pack file under these paths, for noticing
    /// edits: the same files `files(at:)` loads (one walk, hidden entries
    /// skipped by both).
    public static func fingerprint(of paths: [String]) -> [String: Date] {
        var walk = PackFolderWalk()
        for path in paths where FileManager.default.fileExists(atPath: path) { walk.visit(path, named: true) }
        var result: [String: Date] = [:]
        for f in walk.files {
            result[f] = (try? FileManager.default.attributesOfItem(atPath: f)[.modificationDate]) as? Date
        }
        return result
    }
}

/// Finding where UTF-8 goes wrong, for messages that point at it.
public enum UTF8Validation {
    public static func firstInvalidOffset(in data: Data) -> Int? {
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > bytes.count { return i }
            let prefix = Array(bytes[i..<(i + length)])
            if String(validating: prefix, as: UTF8.self) == nil { return i }
            i += length
        }
        return nil
    }

    public static func lineColumn(ofByte offset: Int, in data: Data) -> (Int, Int) {
        SourceLocation.lineColumn(of: offset, in: data, newline: 0x0A) { $0 & 0xC0 != 0x80 }
    }
}

/// The order the built-in packs load in: the top-level packs that define the
/// intents first, then the folders that extend them (`examples/`), each by
/// path. The binary and the build (which trains the built-in model) use the
/// same order, so both see the same library.
public enum BuiltinPackOrder {
    public static func precedes(_ a: String, _ b: String) -> Bool {
        (a.contains("/") ? 1 : 0, a) < (b.contains("/") ? 1 : 0, b)
    }
}
