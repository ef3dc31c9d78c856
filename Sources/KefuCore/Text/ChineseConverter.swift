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
    /// Answers for Han scalars outside `table` (compatibility ideographs, Extensions B+).
    private let changesUnderT2S = Mutex<[UInt32: Bool]>([:])
    /// Answers for U+3400...U+9FFF, two bits a scalar (0 not yet asked, 1 no,
    /// 2 yes), read and written without a lock: every message asks for each
    /// of its Han characters, and a lock per character cost more than the
    /// rest of normalisation. An answer never changes, so a racing second
    /// writer stores the same bits.
    private let table: UnsafeMutablePointer<Atomic<UInt64>>
    private static let tableRange: ClosedRange<UInt32> = 0x3400...0x9FFF
    private static let tableWords = (tableRange.count + 31) / 32

    private init() {
        table = .allocate(capacity: Self.tableWords)
        for i in 0..<Self.tableWords { (table + i).initialize(to: Atomic(0)) }
    }

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
        let v = scalar.value
        guard Self.tableRange.contains(v) else {
            if let known = changesUnderT2S.withLock({ $0[v] }) { return known }
            let changed = changesUnderSimplification(scalar)
            changesUnderT2S.withLock { $0[v] = changed }
            return changed
        }
        let offset = Int(v - Self.tableRange.lowerBound)
        let word = table + (offset >> 5)
        let shift = UInt64((offset & 31) * 2)
        switch (word.pointee.load(ordering: .relaxed) >> shift) & 3 {
        case 1: return false
        case 2: return true
        default:
            let changed = changesUnderSimplification(scalar)
            word.pointee.bitwiseOr((changed ? 2 : 1) << shift, ordering: .relaxed)
            return changed
        }
    }

    private func changesUnderSimplification(_ scalar: Unicode.Scalar) -> Bool {
        let single = String(scalar)
        return convert(single, .toSimplified) != single
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
