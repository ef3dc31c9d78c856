/// Gives 64-bit keys dense ids 0, 1, 2... in order of first sight: the
/// build-time twin of `IntegerTable` (same hashing, linear probing), so the
/// classifier's index is built with arrays indexed by id instead of a
/// dictionary per feature.
struct GrowingIntegerTable {
    /// The keys in id order.
    private(set) var keys: [UInt64] = []
    private var slots = [Int32](repeating: -1, count: 1 << 12)
    private var shift: UInt64 = 64 - 12

    /// The key's id, giving it the next one when it is new.
    mutating func id(for key: UInt64) -> Int32 {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[slot] >= 0 {
            if keys[Int(slots[slot])] == key { return slots[slot] }
            slot = (slot + 1) & mask
        }
        let id = Int32(keys.count)
        keys.append(key)
        slots[slot] = id
        if keys.count * 2 > slots.count { grow() }
        return id
    }

    /// Twice the slots, every key placed again: the table stays at most half full.
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for (id, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
