import COpenCC
import Foundation
import Synchronization

/// Traditional ↔ Simplified Chinese conversion through OpenCC.
///
/// Opening a conversion is expensive (s2t takes 24-57 ms and 9 MB), so each
/// direction opens on first use and stays open for the life of the process; one
/// handle is safe to share across threads for conversion. Whether a character
/// changes under t2s is cached per scalar, so the per-message test "is there
/// anything Traditional here?" costs a dictionary lookup per CJK character
/// instead of a full conversion.
public final class ChineseConverter: @unchecked Sendable {
    public static let shared = ChineseConverter()

    public enum Direction: String, Sendable {
        case toSimplified = "t2s.json"
        case toTraditional = "s2t.json"
    }

    private let handles = Mutex<[String: UnsafeMutableRawPointer?]>([:])
    private let changesUnderT2S = Mutex<[UInt32: Bool]>([:])

    private init() {}

    /// Converts `text`; returns it unchanged when OpenCC is unavailable.
    public func convert(_ text: String, _ direction: Direction) -> String {
        guard !text.isEmpty, let handle = handle(direction) else { return text }
        return text.withCString { input -> String in
            guard let output = opencc_convert_utf8(handle, input, strlen(input)) else { return text }
            defer { opencc_convert_utf8_free(output) }
            return String(cString: output)
        }
    }

    /// Whether converting this scalar to Simplified would change it, i.e. it is
    /// a Traditional-only character.
    public func isTraditionalOnly(_ scalar: Unicode.Scalar) -> Bool {
        if let known = changesUnderT2S.withLock({ $0[scalar.value] }) { return known }
        let single = String(scalar)
        let changed = convert(single, .toSimplified) != single
        changesUnderT2S.withLock { $0[scalar.value] = changed }
        return changed
    }

    private func handle(_ direction: Direction) -> UnsafeMutableRawPointer? {
        handles.withLock { open -> UnsafeMutableRawPointer? in
            if let existing = open[direction.rawValue] { return existing }
            let raw = opencc_open(direction.rawValue)
            let usable = kefu_opencc_is_valid(raw) != 0 ? raw : nil
            open[direction.rawValue] = .some(usable)
            return usable
        }
    }
}
