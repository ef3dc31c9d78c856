import ArgumentParser

/// One unit of `kefu suggest` input, or why it could not be read.
struct InputRecord {
    /// 1-based position in the input (line number for lines and JSON Lines,
    /// block number for blocks): what error messages point at.
    var number: Int
    var bytes: [UInt8]
    /// Set when the record was cut because it exceeded the size limit.
    var oversized: Bool
}

/// `--input`: how stdin is split into records.
enum InputFormat: String, CaseIterable, ExpressibleByArgument {
    case lines, jsonl, blocks
}
