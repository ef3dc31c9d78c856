import Foundation
import KefuTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct TmuxError: Error, CustomStringConvertible {
    var description: String
}

/// A tmux server of its own (`tmux -L kefu-test-<uuid>`) with kefu running in
/// a real terminal of a fixed size: keys are sent with `send-keys`, pastes
/// with `paste-buffer -p` (bracketed, as a terminal pastes), the screen read
/// with `capture-pane`, and OSC 52 copies land in tmux's paste buffers
/// (`set-clipboard on`). The server is killed when the test lets go of it.
final class TmuxTerminal: @unchecked Sendable {
    let socket = "kefu-test-\(UUID().uuidString.prefix(13))"
    let sandbox: Sandbox
    let width: Int
    let height: Int
    private var sessions: [String] = []

    /// How long a wait for the screen may take before the test fails. A hang
    /// guard, not a performance assertion.
    static let patience: TimeInterval = 30

    init(sandbox: Sandbox, width: Int = 110, height: Int = 45) {
        self.sandbox = sandbox
        self.width = width
        self.height = height
    }

    deinit { stopServer() }

    static var tmuxPath: String? {
        for dir in ["/usr/bin", "/usr/local/bin", "/bin", "/opt/homebrew/bin"]
        where FileManager.default.isExecutableFile(atPath: dir + "/tmux") {
            return dir + "/tmux"
        }
        return nil
    }

    /// Runs `tmux -L socket args...` and returns its output.
    @discardableResult
    func tmux(_ arguments: [String], check: Bool = true) throws -> (status: Int32, out: String) {
        guard let tmux = Self.tmuxPath else { throw TmuxError(description: "tmux is not installed (make setup installs it)") }
        // Output goes to a file, and the client is started and reaped with
        // posix_spawn and waitpid rather than Foundation's Process: the tmux
        // server that the first command forks keeps every descriptor it
        // inherited open for its whole life, so neither a pipe's end nor the
        // socket Process watches to notice an exit would ever close.
        let outputURL = sandbox.root.appendingPathComponent("tmux-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let status = try Self.spawnAndWait(tmux, ["-L", socket, "-f", "/dev/null"] + arguments, output: outputURL.path)
        let text = String(decoding: (try? Data(contentsOf: outputURL)) ?? Data(), as: UTF8.self)
        if check && status != 0 {
            throw TmuxError(description: "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(text)")
        }
        return (status, text)
    }

    /// Runs `path arguments...` with stdin from /dev/null and stdout and
    /// stderr to `output`, and returns its exit status.
    static func spawnAndWait(_ path: String, _ arguments: [String], output: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // The tmux server, and so kefu, would inherit this test thread's
        // signal mask and dispositions (a test may have SIGINT blocked at
        // that moment): start from a clean slate, as a login shell does.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([path] + arguments).map { strdup($0) }
        defer { for a in argv { free(a) } }
        var vector: [UnsafeMutablePointer<CChar>?] = argv + [nil]
        var pid = pid_t()
        let rc = vector.withUnsafeMutableBufferPointer { posix_spawn(&pid, path, &actions, &attributes, $0.baseAddress!, environ) }
        guard rc == 0 else { throw TmuxError(description: "cannot run \(path): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw TmuxError(description: "waitpid: \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Starts kefu (a bare `kefu` with `arguments`, as an agent types it) in a
    /// new session. LANG, LC_* and COLUMNS are unset, TERM is xterm-256color.
    /// `linger`: the pane stays open after kefu exits (a command that prints
    /// and exits, such as `kefu stats`, can be over before `remain-on-exit`
    /// is set).
    func start(_ arguments: [String], session: String = "main", environment: [String: String] = [:], linger: Bool = false) throws {
        var env = sandbox.homeAssignments + ["TERM=xterm-256color"]
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { env.append("\(k)=\(v)") }
        // A shell waits for kefu and writes its exit status to a file: tmux
        // 3.3a now and then never reaps a pane's process (it stays a zombie
        // and #{pane_dead_status} stays empty), so tmux cannot be asked. The
        // shell ignores SIGINT so that a Ctrl-C reaches only kefu, which
        // installs its own handler. Before the status it records the
        // terminal's settings as kefu left them (`stty -a`).
        let statusFile = statusPath(session)
        try? FileManager.default.removeItem(atPath: statusFile)
        let script =
            "trap '' INT; \"$@\"; s=$?; stty -a > '\(sttyPath(session))' 2>&1; echo $s > '\(statusFile)'"
            + (linger ? "; exec sleep 600" : "")
        let wrapper = ["/bin/sh", "-c", script, "kefu-wrapper"]
        let command =
            wrapper + [
                "/usr/bin/env", "-u", "LANG", "-u", "LC_ALL", "-u", "LC_CTYPE", "-u", "LC_MESSAGES",
                "-u", "VISUAL", "-u", "EDITOR", "-u", "NO_COLOR", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY",
                "-u", "TMUX", "-u", "COLUMNS",
            ] + env + [KefuBinary.path] + arguments
        // An empty working folder: ./snippets and ./plugins find nothing.
        let work = try sandbox.folder("work")
        try tmux(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), "-c", work] + command)
        sessions.append(session)
        try tmux(["set-option", "-t", session, "remain-on-exit", "on"])
        try tmux(["set-option", "-g", "set-clipboard", "on"])
        try tmux(["set-option", "-g", "history-limit", "5000"])
    }

    func stopServer() {
        _ = try? tmux(["kill-server"], check: false)
        // tmux 3.3a leaves the socket file behind; one per test would pile up.
        let folder =
            (ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
            + "/tmux-\(getuid())"
        unlink(folder + "/" + socket)
    }

    /// Keys by tmux name (Enter, C-c, Tab, Up, M-Enter...).
    func keys(_ keys: String..., session: String = "main") throws {
        try tmux(["send-keys", "-t", session] + keys)
    }

    /// Text typed key by key (no key names).
    func type(_ text: String, session: String = "main") throws {
        try tmux(["send-keys", "-t", session, "-l", text])
    }

    /// A bracketed paste of these exact bytes, as a terminal pastes: the
    /// buffer is deleted after the paste so only kefu can fill buffers.
    func paste(_ bytes: Data, session: String = "main") throws {
        let file = sandbox.root.appendingPathComponent("paste-\(UUID().uuidString).txt")
        try bytes.write(to: file)
        let name = "paste-\(UUID().uuidString.prefix(8))"
        try tmux(["load-buffer", "-b", name, file.path])
        try tmux(["paste-buffer", "-p", "-d", "-b", name, "-t", session])
        try? FileManager.default.removeItem(at: file)
    }

    func paste(_ text: String, session: String = "main") throws { try paste(Data(text.utf8), session: session) }

    /// The screen and the scrollback above it.
    func screen(session: String = "main") throws -> String {
        try tmux(["capture-pane", "-p", "-t", session, "-S", "-400"]).out
    }

    /// The screen with its colours and emphasis as escape sequences.
    func screenWithAttributes(session: String = "main") throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", session, "-S", "-400"]).out
    }

    /// Resizes the window, as an agent dragging the terminal's corner.
    func resize(width: Int, height: Int, session: String = "main") throws {
        try tmux(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// What is visible now with the lines tmux wrapped joined again, so a
    /// line kefu printed too wide for the window shows as one long line.
    func visibleJoined(session: String = "main") throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-t", session]).out
    }

    /// Polls what is visible (with tmux's own line wraps joined) until
    /// `predicate` holds: for checks of the layout kefu drew last, which
    /// the scrollback's older copies would satisfy too early.
    @discardableResult
    func waitForVisible(
        _ what: String, session: String = "main", timeout: TimeInterval = TmuxTerminal.patience,
        sourceLocation: SourceLocation = #_sourceLocation, _ predicate: (String) -> Bool
    ) throws -> String {
        try poll(what, timeout: timeout, capture: { try self.visibleJoined(session: session) }, sourceLocation: sourceLocation, predicate)
    }

    /// Only what is visible now.
    func visible(session: String = "main") throws -> String {
        try tmux(["capture-pane", "-p", "-t", session]).out
    }

    /// Polls the screen until `predicate` holds; fails the test with the
    /// screen when it never does.
    @discardableResult
    func waitFor(
        _ what: String, session: String = "main", timeout: TimeInterval = TmuxTerminal.patience,
        sourceLocation: SourceLocation = #_sourceLocation, _ predicate: (String) -> Bool
    ) throws -> String {
        try poll(what, timeout: timeout, capture: { try self.screen(session: session) }, sourceLocation: sourceLocation, predicate)
    }

    /// Captures with `capture` until `predicate` holds; fails the test with
    /// the last capture when it never does.
    private func poll(
        _ what: String, timeout: TimeInterval, capture: () throws -> String,
        sourceLocation: SourceLocation, _ predicate: (String) -> Bool
    ) throws -> String {
        var last = ""
        let found = try Poll.until(timeout: timeout, interval: 0.03) { () -> String? in
            last = try capture()
            return predicate(last) ? last : nil
        }
        if let found { return found }
        Issue.record("timed out waiting for \(what); the screen:\n\(last)", sourceLocation: sourceLocation)
        throw TmuxError(description: "timed out waiting for \(what)")
    }

    @discardableResult
    func waitFor(text: String, count: Int = 1, session: String = "main", sourceLocation: SourceLocation = #_sourceLocation) throws -> String
    {
        try waitFor("“\(text)” ×\(count)", session: session, sourceLocation: sourceLocation) { $0.occurrences(of: text) >= count }
    }

    /// Gives kefu a moment to react to the keys just sent, before a check
    /// that they changed nothing (there is nothing to wait for).
    func settle() {
        usleep(300_000)
    }

    /// The most recent paste buffer (an OSC 52 copy), or nil when there is none.
    func clipboard() throws -> String? {
        let r = try tmux(["show-buffer"], check: false)
        return r.status == 0 ? r.out : nil
    }

    func bufferCount() throws -> Int {
        try tmux(["list-buffers"], check: false).out.split(separator: "\n").count
    }

    func waitForClipboard(_ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var last: String? = nil
        let copied = try Poll.untilTrue(timeout: Self.patience, interval: 0.03) {
            last = try clipboard()
            return last == expected
        }
        if copied { return }
        Issue.record("clipboard is \(last.map { "“\($0)”" } ?? "empty"), expected “\(expected)”", sourceLocation: sourceLocation)
    }

    func title(session: String = "main") throws -> String {
        try tmux(["display-message", "-p", "-t", session, "#{pane_title}"]).out.trimmingCharacters(in: .newlines)
    }

    private func sttyPath(_ session: String) -> String {
        sandbox.root.appendingPathComponent("stty-\(socket)-\(session)").path
    }

    /// `stty -a` of the terminal right after kefu exited (nil before).
    func terminalSettingsAfterExit(session: String = "main") throws -> String? {
        guard try exitStatus(session: session) != nil else { return nil }
        return try? String(contentsOfFile: sttyPath(session), encoding: .utf8)
    }

    /// The process id of kefu itself (the child of the pane's shell), found
    /// in /proc.
    func kefuPID(session: String = "main") throws -> pid_t? {
        let out = try tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]).out
        guard let shell = Int32(out.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // pid (comm) state ppid ...
            let name = stat[stat.index(after: stat.firstIndex(of: "(")!)..<close]
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, Int32(fields[1]) == shell, name == "kefu" { return pid }
        }
        return nil
    }

    private func statusPath(_ session: String) -> String {
        sandbox.root.appendingPathComponent("exit-status-\(socket)-\(session)").path
    }

    /// nil while kefu runs; its exit status once it has exited.
    func exitStatus(session: String = "main") throws -> Int? {
        guard let text = try? String(contentsOfFile: statusPath(session), encoding: .utf8) else { return nil }
        // The shell writes the file in one go, but it may be read half written.
        guard text.hasSuffix("\n") else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func waitForExit(session: String = "main", sourceLocation: SourceLocation = #_sourceLocation) throws -> Int? {
        if let status = try Poll.until(timeout: Self.patience, interval: 0.03, { try exitStatus(session: session) }) { return status }
        Issue.record("kefu did not exit", sourceLocation: sourceLocation)
        return nil
    }
}
