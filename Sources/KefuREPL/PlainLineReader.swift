import Foundation

/// Standard input is not a terminal: read lines with plain `read(2)`s (libedit
/// would turn CR LF into an extra empty line). No prompt, no history.
final class PlainLineReader: LineReader {
    private var buffer: [UInt8] = []
    private var ended = false
    var completer: ((String) -> Completion)?
    var redraw: (() -> String)?

    func read(_ prompt: Prompt, mode: LineMode, prefill: String?) -> LineInput {
        while true {
            if let nl = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<nl])
                buffer.removeSubrange(...nl)
                if line.last == 0x0D { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self), pasted: false)
            }
            if ended {
                if buffer.isEmpty { return .endOfInput }
                let line = buffer
                buffer = []
                return .line(String(decoding: line, as: UTF8.self), pasted: false)
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { Foundation.read(0, $0.baseAddress, $0.count) }
            if n > 0 {
                buffer += chunk[0..<n]
            } else if n == 0 || errno != EINTR {
                ended = true
            } else if SignalFlags.takeInterrupt() {
                return .interrupted
            }
        }
    }

    func setHistory(_ entries: [String]) {}
    func close() {}
}
