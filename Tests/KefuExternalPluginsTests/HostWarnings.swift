import Synchronization

/// What a plugin host warned of (its `warn` lines), kept for a test to read.
final class HostWarnings: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var all: [String] { lines.withLock { $0 } }
}
