import Foundation
import KefuCore

/// A plugin's stderr, kept in `<folder>/<id>.log` for whoever debugs it.
/// Bounded: past `maxBytes` the file is moved to `<id>.log.1` (replacing the
/// previous one) and a new one begun, so a chatty plugin costs at most twice
/// the bound on disk.
final class PluginLog {
    let path: String?
    private let maxBytes: Int
    private var handle: FileHandle?
    private var written: Int = 0
    /// The start of a UTF-8 character the last chunk cut off, completed by
    /// the next one.
    private var partial: [UInt8] = []

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
        let bytes = Self.inert(partial + raw, keepingTail: &partial)
        guard !bytes.isEmpty else { return }
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
    /// it goes through the output sanitiser like everything kefu prints
    /// (`^[`, `<U+202E>`). Chunks arrive as the pipe delivers them, so a
    /// character cut at the end of one is kept in `tail` for the next.
    static func inert(_ bytes: [UInt8], keepingTail tail: inout [UInt8]) -> [UInt8] {
        let cut = incompleteCharacterStart(bytes)
        tail = Array(bytes[cut...])
        return Array(OutputSanitizer.visible(String(decoding: bytes[..<cut], as: UTF8.self)).utf8)
    }

    /// `bytes` made inert on their own (a cut-off last character is shown as U+FFFD).
    static func inert(_ bytes: [UInt8]) -> [UInt8] {
        Array(OutputSanitizer.visible(String(decoding: bytes, as: UTF8.self)).utf8)
    }

    /// Where a UTF-8 character that `bytes` ends before completing starts;
    /// `bytes.count` when the last one is whole.
    static func incompleteCharacterStart(_ bytes: [UInt8]) -> Int {
        var i = bytes.count - 1
        while i >= 0 && i >= bytes.count - 3 {
            let b = bytes[i]
            if b & 0xC0 != 0x80 {
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                return bytes.count - i < length ? i : bytes.count
            }
            i -= 1
        }
        return bytes.count
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
