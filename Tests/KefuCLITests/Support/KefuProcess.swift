import Foundation
import KefuTestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one run of kefu produced.
struct KefuResult {
    var status: Int32
    var stdout: Data
    var stderr: Data
    /// The run was still going when the hang guard fired (the test fails on it).
    var timedOut: Bool

    var out: String { String(decoding: stdout, as: UTF8.self) }
    var err: String { String(decoding: stderr, as: UTF8.self) }

    /// Standard output split into lines (the final newline ends the last line).
    var lines: [String] {
        var lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// Bytes shared between the thread that fills them and the test.
private final class SharedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}

enum Kefu {
    /// A test that never ends is worse than a failing one: runs longer than
    /// this are killed and reported as hung. This is a hang guard, not a
    /// performance assertion.
    static let hangGuard: TimeInterval = 60

    static let ignoreSIGPIPE: Void = {
        signal(SIGPIPE, SIG_IGN); return ()
    }()

    /// Runs kefu with `arguments`, feeding `stdin` (then closing it), and
    /// collects everything it writes. Input is written and output read on
    /// separate threads, so neither side can block the other. `environment`
    /// adds to (or replaces in) the sandbox's.
    static func run(
        _ arguments: [String], stdin: Data = Data(), in sandbox: Sandbox, environment: [String: String] = [:]
    ) throws -> KefuResult {
        _ = ignoreSIGPIPE
        let process = Process()
        process.executableURL = KefuBinary.url
        process.arguments = arguments
        process.environment = sandbox.environment.merging(environment) { $1 }
        process.currentDirectoryURL = sandbox.root
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        process.standardInput = inPipe
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()

        let group = DispatchGroup()
        let out = SharedData(), err = SharedData()
        let writer = inPipe.fileHandleForWriting
        let outReader = outPipe.fileHandleForReading
        let errReader = errPipe.fileHandleForReading
        func background(_ body: @escaping @Sendable () -> Void) {
            group.enter()
            Thread {
                body(); group.leave()
            }.start()
        }
        background {
            // The child may exit without reading (usage errors): EPIPE is fine.
            try? writer.write(contentsOf: stdin)
            try? writer.close()
        }
        background { out.set((try? outReader.readToEnd()) ?? Data()) }
        background { err.set((try? errReader.readToEnd()) ?? Data()) }

        let timedOut = !Poll.untilTrue(timeout: hangGuard, interval: 0.002) { !process.isRunning }
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        group.wait()
        return KefuResult(status: process.terminationStatus, stdout: out.value, stderr: err.value, timedOut: timedOut)
    }

    static func run(_ arguments: [String], stdin: String, in sandbox: Sandbox) throws -> KefuResult {
        try run(arguments, stdin: Data(stdin.utf8), in: sandbox)
    }
}

/// A kefu child kept running: the test writes to its stdin a piece at a time
/// and reads its stdout a line at a time, without closing anything.
final class LiveKefu {
    let process = Process()
    private let inPipe = Pipe()
    private let outPipe = Pipe()
    private var buffer: [UInt8] = []
    private var outFD: Int32 { outPipe.fileHandleForReading.fileDescriptor }

    init(_ arguments: [String], in sandbox: Sandbox) throws {
        _ = Kefu.ignoreSIGPIPE
        process.executableURL = KefuBinary.url
        process.arguments = arguments
        process.environment = sandbox.environment
        process.currentDirectoryURL = sandbox.root
        process.standardInput = inPipe
        process.standardOutput = outPipe
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    func send(_ text: String) throws {
        try inPipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    }

    func closeInput() throws {
        try inPipe.fileHandleForWriting.close()
    }

    /// The next complete line of output, or nil when none arrived within
    /// `timeout` seconds (or output ended). Polls; never blocks longer.
    func readLine(timeout: TimeInterval) -> String? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        // The probe's answer: a line (.some(line)), the end of output
        // (.some(nil), which stops the wait), or not yet (nil). poll(2) does
        // the pausing, so the interval is zero.
        let answer = Poll.until(timeout: timeout, interval: 0) { () -> String?? in
            if let nl = buffer.firstIndex(of: 0x0A) {
                let line = Array(buffer[..<nl])
                buffer.removeSubrange(...nl)
                return .some(String(decoding: line, as: UTF8.self))
            }
            var pfd = pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 20) > 0 else { return nil }
            let n = chunk.withUnsafeMutableBytes { read(outFD, $0.baseAddress, $0.count) }
            if n > 0 {
                buffer += chunk[0..<n]
                return nil
            }
            // End of output, or an error other than an interruption.
            return n == 0 || (errno != EINTR && errno != EAGAIN) ? .some(nil) : nil
        }
        return answer ?? nil
    }

    /// The exit status, or nil if the child is still running after `timeout`.
    func waitForExit(timeout: TimeInterval) -> Int32? {
        guard Poll.untilTrue(timeout: timeout, interval: 0.002, { !process.isRunning }) else { return nil }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
