import Foundation

/// A plugin's stderr, kept in `<folder>/<id>.log` for whoever debugs it.
/// Bounded: past `maxBytes` the file is moved to `<id>.log.1` (replacing the
/// previous one) and a new one begun, so a chatty plugin costs at most twice
/// the bound on disk.
final class PluginLog {
    let path: String?
    private let maxBytes: Int
    private var handle: FileHandle?
    private var written: Int = 0

    init(folder: String?, id: String, maxBytes: Int) {
        self.maxBytes = maxBytes
        guard let folder else { path = nil; return }
        path = folder + "/" + Self.fileName(id)
    }

    /// Plugin ids become file names: anything but a safe character is replaced.
    static func fileName(_ id: String) -> String {
        let safe = id.unicodeScalars.map { s -> Character in
            (s.properties.isAlphabetic && s.isASCII) || ("0"..."9").contains(s) || s == "-" || s == "_" || s == "."
                ? Character(s) : "_"
        }
        let name = String(safe).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return (name.isEmpty ? "plugin" : name) + ".log"
    }

    /// Something kefu itself wants on record (start, failure, restart).
    func note(_ text: String) {
        let stamp = ISO8601DateFormatter().string(from: Date())
        append(Array("--- kefu \(stamp): \(text)\n".utf8))
    }

    func append(_ raw: [UInt8]) {
        guard let path, !raw.isEmpty else { return }
        let bytes = Self.inert(raw)
        if handle == nil { open(path) }
        guard let handle else { return }
        if written + bytes.count > maxBytes {
            try? handle.close()
            self.handle = nil
            _ = try? FileManager.default.removeItem(atPath: path + ".1")
            _ = try? FileManager.default.moveItem(atPath: path, toPath: path + ".1")
            open(path)
        }
        guard let h = self.handle else { return }
        let chunk = bytes.count > maxBytes ? Array(bytes.suffix(maxBytes)) : bytes
        try? h.write(contentsOf: chunk)
        written += chunk.count
    }

    /// A plugin's stderr is as untrusted as its stdout, and people `cat` logs:
    /// escape and other control characters (C0 but tab and newline, DEL, and
    /// C1 in its UTF-8 form) become `?`, byte by byte, so a chunk that ends
    /// mid-character is still handled.
    static func inert(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        var i = 0
        while i < out.count {
            let b = out[i]
            if (b < 0x20 && b != 0x0A && b != 0x09) || b == 0x7F {
                out[i] = UInt8(ascii: "?")
            } else if b == 0xC2, i + 1 < out.count, (0x80...0x9F).contains(out[i + 1]) {
                out[i] = UInt8(ascii: "?")
                out[i + 1] = UInt8(ascii: "?")
                i += 1
            }
            i += 1
        }
        return out
    }

    private func open(_ path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        handle = FileHandle(forWritingAtPath: path)
        written = Int((try? handle?.seekToEnd()) ?? 0)
    }

    deinit { try? handle?.close() }
}
