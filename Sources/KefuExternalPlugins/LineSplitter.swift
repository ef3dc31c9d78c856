/// Cuts a plugin's stdout into lines, refusing to hold more than a bound:
/// a plugin that writes a megabyte without a newline, or floods, is a failed
/// plugin, not a reason for kefu to grow without limit.
struct LineSplitter {
    let maxLineBytes: Int
    private var pending: [UInt8] = []

    init(maxLineBytes: Int) { self.maxLineBytes = maxLineBytes }

    enum Outcome {
        case lines([[UInt8]])
        case lineTooLong
    }

    mutating func feed(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        var lines: [[UInt8]] = []
        var start = 0
        for i in 0..<bytes.count where bytes[i] == 0x0A {
            pending.append(contentsOf: bytes[start..<i])
            if pending.last == 0x0D { pending.removeLast() }
            lines.append(pending)
            pending.removeAll(keepingCapacity: true)
            start = i + 1
        }
        pending.append(contentsOf: bytes[start..<bytes.count])
        if pending.count > maxLineBytes { return .lineTooLong }
        return .lines(lines)
    }

    mutating func reset() { pending.removeAll() }
}
