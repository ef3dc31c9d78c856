/// A read-only hash table from 64-bit keys to small integers, for the two
/// per-character lookups of the pipeline: automaton transitions and n-gram
/// features. Swift's `Dictionary` hashes every key with SipHash (about 90
/// instructions); these keys are cheap to mix, so a multiplicative hash and
/// linear probing do the same lookup in about ten.
struct IntegerTable: Sendable {
    private let keys: [UInt64]
    /// -1 marks an empty slot.
    private let values: [Int32]
    private let shift: UInt64

    init(_ pairs: some Collection<(key: UInt64, value: Int32)>) {
        // At most half full, so probes stay short.
        var bits: UInt64 = 4
        while (1 << bits) < pairs.count * 2 { bits += 1 }
        let capacity = 1 << Int(bits)
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [Int32](repeating: -1, count: capacity)
        let shift = 64 - bits
        for (key, value) in pairs {
            precondition(value >= 0, "IntegerTable stores non-negative values")
            var slot = Self.slot(key, shift)
            while values[slot] >= 0 && keys[slot] != key { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        self.shift = shift
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        let mask = keys.count - 1
        var slot = Self.slot(key, shift)
        while true {
            let v = values[slot]
            if v < 0 { return nil }
            if keys[slot] == key { return v }
            slot = (slot + 1) & mask
        }
    }
}
