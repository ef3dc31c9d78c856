#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The live pipes to one plugin process: output not yet written to its
/// stdin, and its stdout cut into lines. Used under the owning plugin's lock.
final class PluginConnection {
    let child: ChildProcess
    var splitter: LineSplitter
    private(set) var pendingWrite: [UInt8] = []
    /// The id of the request whose answer is awaited, if any.
    var awaiting: Int?
    /// Bytes of stdout since the current request was sent (flood guard).
    var bytesSinceRequest = 0

    init(child: ChildProcess, maxLineBytes: Int) {
        self.child = child
        self.splitter = LineSplitter(maxLineBytes: maxLineBytes)
    }

    func queue(_ line: String) {
        pendingWrite.append(contentsOf: line.utf8)
        pendingWrite.append(0x0A)
    }

    enum WriteOutcome { case done, more, closed }

    /// Writes what the pipe takes without blocking.
    func flush() -> WriteOutcome {
        while !pendingWrite.isEmpty {
            guard child.stdinFD >= 0 else { return .closed }
            let n = pendingWrite.withUnsafeBytes { write(child.stdinFD, $0.baseAddress, $0.count) }
            if n > 0 { pendingWrite.removeFirst(n); continue }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return .more }
            return .closed  // EPIPE: the child is gone
        }
        return .done
    }

    /// Moves whatever is waiting on stderr to the log, without blocking.
    func drainErrors(into log: PluginLog) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while child.stderrFD >= 0 {
            let n = buffer.withUnsafeMutableBytes { read(child.stderrFD, $0.baseAddress, $0.count) }
            if n > 0 { log.append(Array(buffer[0..<n])); continue }
            if n < 0 && errno == EINTR { continue }
            if n == 0 { child.closeErrors() }
            return
        }
    }
}
