import COpenCC
import Foundation
import Synchronization

/// Traditional ↔ Simplified Chinese conversion through OpenCC.
///
/// Traditional means what the buyer reads natively: Taiwan usage by default
/// (`s2twp`, phrase conversion: 資訊, 影片, 吃虧), Hong Kong (`s2hk`) when
/// `region` says so; `s2t` converts character by character and writes
/// mainland words in Traditional characters (喫虧, 信息, 視頻).
///
/// Opening a conversion is expensive (s2t takes 24-57 ms and 9 MB), so each
/// direction opens on first use and stays open for the life of the process; one
/// handle is safe to share across threads for conversion. Whether a character
/// changes under t2s is cached per scalar, so the per-message test "is there
/// anything Traditional here?" costs a dictionary lookup per CJK character
/// instead of a full conversion.
public final class ChineseConverter: @unchecked Sendable {
    /// The one converter a process needs: OpenCC's tables load once.
    public static let shared = ChineseConverter()

    package enum Direction: Sendable {
        case toSimplified
        /// To the Traditional Chinese of `region`, words included (資訊, 影片).
        case toTraditional
        /// To the Traditional characters of `region`, words kept: for names
        /// (a shop, a company, an address), which phrase conversion would change.
        case toTraditionalCharacters
    }

    private let regionSetting = Mutex(ChineseRegion.taiwan)
    private let backgroundOpenStarted = Atomic(false)

    /// Whose Traditional `.toTraditional` writes; set once at start-up from
    /// config.yaml's `region`, before any draft is rendered (templates
    /// converted earlier keep the region they were converted for).
    package var region: ChineseRegion {
        get { regionSetting.withLock { $0 } }
        set { regionSetting.withLock { $0 = newValue } }
    }

    private func configuration(_ direction: Direction) -> (file: String, fixes: [(String, String)]) {
        switch direction {
        case .toSimplified: return ("t2s.json", [])
        case .toTraditional:
            let r = region
            return (r.openCCConfiguration, r.usageFixes)
        case .toTraditionalCharacters:
            return (region.characterConfiguration, [])
        }
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
    package func convert(_ text: String, _ direction: Direction) -> String {
        let (file, fixes) = configuration(direction)
        return convert(text, file: file, fixes: fixes)
    }

    /// Converts Simplified `text` to the Traditional of `region`, whatever
    /// the process's `region` is.
    package func convert(_ text: String, toTraditionalOf region: ChineseRegion) -> String {
        convert(text, file: region.openCCConfiguration, fixes: region.usageFixes)
    }

    private func convert(_ text: String, file: String, fixes: [(String, String)]) -> String {
        guard !text.isEmpty, let handle = handle(file) else { return text }
        var converted = text.withCString { input -> String in
            guard let output = opencc_convert_utf8(handle, input, strlen(input)) else { return text }
            defer { opencc_convert_utf8_free(output) }
            return String(cString: output)
        }
        for (from, to) in fixes where converted.contains(from) {
            converted = converted.replacingOccurrences(of: from, with: to)
        }
        return converted
    }

    /// Opens the Traditional conversions (drafts' words, values' characters)
    /// on a background thread, once per process: opening takes 24-57 ms
    /// each, which would otherwise land on the first Traditional answer. Called when an engine is built, after the
    /// work the first prompt waits for; a draft that needs the conversion
    /// before it is open waits on the same lock instead of opening it twice.
    package func openInBackground() {
        guard !backgroundOpenStarted.exchange(true, ordering: .relaxed) else { return }
        let files = [configuration(.toTraditional).file, configuration(.toTraditionalCharacters).file]
        Thread.detachNewThread { [self] in for f in Set(files) { _ = handle(f) } }
    }

    /// Whether converting this scalar to Simplified would change it, i.e. it is
    /// a Traditional-only character.
    package func isTraditionalOnly(_ scalar: Unicode.Scalar) -> Bool {
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

    private func handle(_ file: String) -> UnsafeMutableRawPointer? {
        handles.withLock { open -> UnsafeMutableRawPointer? in
            if let existing = open[file] { return existing }
            let raw = opencc_open(file)
            let usable = kefu_opencc_is_valid(raw) != 0 ? raw : nil
            open[file] = .some(usable)
            return usable
        }
    }
}
