import CLibedit
import Foundation

struct ProcessError: Error {
    var message: String
}

/// Running programs without a shell: `posix_spawnp` with an argument vector.
enum ProcessRunner {
    /// The full path of `name` on PATH, or nil.
    static func which(_ name: String, environment: [String: String]) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = dir + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Splits a command line into words the way a user means it: white space
    /// separates, single and double quotes group, a backslash escapes. No
    /// variables, no globs: nothing is ever handed to a shell.
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character? = nil
        var escaped = false
        for c in line {
            if escaped { word.append(c); escaped = false; inWord = true; continue }
            if c == "\\" && quote != "'" { escaped = true; continue }
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
                continue
            }
            if c == "'" || c == "\"" { quote = c; inWord = true; continue }
            if c == " " || c == "\t" || c == "\n" {
                if inWord { words.append(word); word = ""; inWord = false }
                continue
            }
            word.append(c)
            inWord = true
        }
        if inWord { words.append(word) }
        return words
    }

    /// Starts `name arguments...`. `inputFD`: what the child reads (-1: our
    /// terminal); output and errors go to /dev/null unless `terminal`.
    static func spawn(_ name: String, _ arguments: [String], inputFD: Int32, closeInChild: Int32, terminal: Bool) -> Result<
        pid_t, ProcessError
    > {
        let argv = ([name] + arguments).map { strdup($0) }
        defer { for p in argv { free(p) } }
        var vector: [UnsafeMutablePointer<CChar>?] = argv + [nil]
        var pid: pid_t = 0
        let null = terminal ? -1 : open("/dev/null", O_WRONLY | O_CLOEXEC)
        defer { if null >= 0 { close(null) } }
        let rc = vector.withUnsafeMutableBufferPointer { buffer in
            kefu_spawn(name, buffer.baseAddress, inputFD, null, null, closeInChild, &pid)
        }
        guard rc == 0 else { return .failure(ProcessError(message: "cannot run \(name): \(String(cString: strerror(rc)))")) }
        return .success(pid)
    }

    /// Runs a program feeding it `input`; its output is discarded. Killed
    /// after `timeout` seconds. Returns the exit status.
    static func run(_ name: String, _ arguments: [String], input: Data, timeout: Double) -> Result<Int32, ProcessError> {
        var fds: [Int32] = [-1, -1]
        guard kefu_pipe(&fds) == 0 else { return .failure(ProcessError(message: "cannot create a pipe")) }
        let pid: pid_t
        switch spawn(name, arguments, inputFD: fds[0], closeInChild: fds[1], terminal: false) {
        case .failure(let e):
            close(fds[0]); close(fds[1])
            return .failure(e)
        case .success(let p): pid = p
        }
        close(fds[0])
        let writer = fds[1]
        _ = fcntl(writer, F_SETFL, fcntl(writer, F_GETFL) | O_NONBLOCK)
        let deadline = Date().addingTimeInterval(timeout)
        input.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count && Date() < deadline {
                let n = write(writer, base + offset, raw.count - offset)
                if n > 0 { offset += n; continue }
                if n < 0 && (errno == EAGAIN || errno == EINTR) {
                    var p = pollfd(fd: writer, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&p, 1, 50)
                    continue
                }
                return  // EPIPE: the tool went away
            }
        }
        close(writer)
        while true {
            let status = kefu_wait(pid, 1)
            if status >= 0 { return .success(status) }
            if status == -1 { return .failure(ProcessError(message: "lost track of the process")) }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = kefu_wait(pid, 0)
                return .failure(ProcessError(message: "timed out after \(Int(timeout)) s"))
            }
            usleep(5_000)
        }
    }
}
