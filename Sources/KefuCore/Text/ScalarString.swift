extension String {
    /// A string from Unicode scalar values (as `NormalizedText.scalars` holds
    /// them), encoded to UTF-8 in one pass. Appending scalar by scalar to a
    /// `String.UnicodeScalarView` costs several times more, and this runs for
    /// every message and every token. Invalid values are dropped.
    init<C: Collection>(scalarValues: C) where C.Element == UInt32 {
        let capacity = scalarValues.count * 4
        self = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Swift.max(capacity, 1)) { buffer in
            var n = 0
            for v in scalarValues {
                guard let scalar = Unicode.Scalar(v) else { continue }
                UTF8.encode(scalar) { byte in
                    buffer[n] = byte
                    n += 1
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<n]), as: UTF8.self)
        }
    }
}
