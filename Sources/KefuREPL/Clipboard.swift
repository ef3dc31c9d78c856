import CLibedit
import Foundation

/// How copies reach a clipboard (config `clipboard:`, `--no-clipboard`).
public enum ClipboardMethod: Sendable, Equatable, CustomStringConvertible {
    /// OSC 52 to the terminal, plus the system tool when one is found.
    case auto
    /// OSC 52 only.
    case osc52
    /// The system tool only.
    case system
    /// Print only (`--no-clipboard`, `clipboard: none`).
    case none
    /// OSC 52 plus this command (run directly, never through a shell), which
    /// reads the text on its standard input.
    case command([String])

    public init?(config value: String) {
        let words = ProcessRunner.split(value)
        switch value.trimmingCharacters(in: .whitespaces).lowercased() {
        case "auto", "": self = .auto
        case "osc52", "osc 52", "terminal": self = .osc52
        case "system", "tool": self = .system
        case "none", "off", "print", "false": self = .none
        default:
            guard !words.isEmpty else { return nil }
            self = .command(words)
        }
    }

    public var description: String {
        switch self {
        case .auto: "auto"
        case .osc52: "osc52"
        case .system: "system"
        case .none: "none"
        case .command(let words): words.joined(separator: " ")
        }
    }
}

/// Copies text: OSC 52 (`ESC ] 52 ; c ; BASE64 BEL`, which works over SSH and
/// inside tmux with `set-clipboard on`) and the system clipboard tool.
struct Clipboard {
    let method: ClipboardMethod
    /// OSC 52 only makes sense when standard output is the terminal.
    let terminal: Bool
    let environment: [String: String]

    struct Report {
        /// The ways the text went, e.g. ["OSC 52", "xclip"].
        var ways: [String] = []
        var problems: [String] = []
    }

    /// The system clipboard tool for this session, if there is one: Wayland,
    /// X11, macOS, WSL.
    func systemTool() -> (name: String, arguments: [String], utf16: Bool)? {
        if case .command(let words) = method, let first = words.first {
            return (first, Array(words.dropFirst()), false)
        }
        let env = environment
        let candidates: [(String, [String], Bool, Bool)] = [
            ("wl-copy", [], env["WAYLAND_DISPLAY"]?.isEmpty == false, false),
            ("xclip", ["-selection", "clipboard"], env["DISPLAY"]?.isEmpty == false, false),
            ("xsel", ["--clipboard", "--input"], env["DISPLAY"]?.isEmpty == false, false),
            ("pbcopy", [], true, false),
            ("clip.exe", [], true, true),
        ]
        for (name, args, applies, utf16) in candidates where applies {
            if ProcessRunner.which(name, environment: env) != nil { return (name, args, utf16) }
        }
        return nil
    }

    static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }

    func copy(_ text: String) -> Report {
        var report = Report()
        let useOSC: Bool
        let useTool: Bool
        switch method {
        case .none: return report
        case .auto: useOSC = true; useTool = true
        case .osc52: useOSC = true; useTool = false
        case .system: useOSC = false; useTool = true
        case .command: useOSC = true; useTool = true
        }
        if useOSC {
            if terminal {
                TerminalIO.write(Self.osc52(text))
                report.ways.append("OSC 52")
            } else {
                report.problems.append("OSC 52 skipped: output is not a terminal")
            }
        }
        if useTool, let tool = systemTool() {
            var input = Data()
            if tool.utf16 {
                input = Data([0xFF, 0xFE])
                for unit in text.utf16 { input.append(UInt8(unit & 0xFF)); input.append(UInt8(unit >> 8)) }
            } else {
                input = Data(text.utf8)
            }
            // Named by the program alone: a configured full path would crowd the echo.
            let shortName = (tool.name as NSString).lastPathComponent
            switch ProcessRunner.run(tool.name, tool.arguments, input: input, timeout: 3) {
            case .success(0): report.ways.append(shortName)
            case .success(let status): report.problems.append("\(shortName) failed (exit status \(status))")
            case .failure(let e): report.problems.append("\(shortName): \(e.message)")
            }
        }
        return report
    }
}

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
    static func spawn(_ name: String, _ arguments: [String], inputFD: Int32, closeInChild: Int32, terminal: Bool) -> Result<pid_t, ProcessError> {
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
