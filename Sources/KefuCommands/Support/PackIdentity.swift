import Foundation
import KefuCore

/// Recognising a pack for `disabled_packs:` without parsing it: by its
/// `pack: id:` line, its file name (with or without extension) or its path.
enum PackIdentity {
    static func matches(_ source: PackSource, _ names: Set<String>) -> Bool {
        let path = source.path.hasPrefix("builtin:") ? String(source.path.dropFirst(8)) : source.path
        let file = (path as NSString).lastPathComponent
        let stem = (file as NSString).deletingPathExtension
        if names.contains(source.path) || names.contains(path) || names.contains(file) || names.contains(stem) { return true }
        if let id = packID(source.text), names.contains(id) { return true }
        return false
    }

    /// The `id:` under the top-level `pack:` mapping.
    static func packID(_ text: String) -> String? {
        var inPack = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(40) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let indented = line.first == " "
            if !indented {
                inPack = line.hasPrefix("pack:")
                continue
            }
            guard inPack, trimmed.hasPrefix("id:") else { continue }
            var value = trimmed.dropFirst(3).drop { $0 == " " }
            if let hash = value.range(of: " #") { value = value[..<hash.lowerBound] }
            var v = value.trimmingCharacters(in: .whitespaces)
            if v.count >= 2, let f = v.first, f == "\"" || f == "'", v.last == f { v = String(v.dropFirst().dropLast()) }
            return v
        }
        return nil
    }
}
