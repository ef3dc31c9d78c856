import Foundation
import KefuCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One spawned plugin executable with its three pipes, in a process group of
/// its own.
///
/// Spawned with `posix_spawn` rather than Foundation's `Process` or
/// swift-subprocess (see docs/architecture.md, "External plugins"): kefu needs
/// a long-lived child whose pipes it polls itself with a deadline, from the
/// synchronous engine call, without a thread per child or per request.
///
/// Not thread-safe: owned by one `ExternalPlugin`, used under its lock.
final class ChildProcess {
    let pid: pid_t
    /// kefu's ends of the pipes: non-blocking, close-on-exec.
    private(set) var stdinFD: Int32
    private(set) var stdoutFD: Int32
    private(set) var stderrFD: Int32
    private var reaped = false
    /// How the child ended, once known (`waitpid` status).
    private(set) var exitStatus: Int32?

    enum SpawnError: Error, CustomStringConvertible {
        case pipe(Int32)
        case spawn(String, Int32)

        var description: String {
            switch self {
            case .pipe(let e): return "cannot create pipe: \(String(cString: strerror(e)))"
            case .spawn(let path, let e): return "cannot start \(path): \(String(cString: strerror(e)))"
            }
        }
    }

    /// Starts `arguments[0]` (an absolute path: no PATH search here) with the
    /// rest as its arguments.
    init(arguments: [String], environment: [String: String]) throws {
        precondition(!arguments.isEmpty)
        // One spawn at a time in this process: between `pipe` and `fcntl` a
        // descriptor is not yet close-on-exec, and a concurrent spawn would
        // carry it into another plugin for good.
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        var inPipe: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        // Close-on-exec: only the three dup2'ed descriptors reach the child; in
        // particular no other plugin's pipes, so one plugin never holds
        // another's stdin open.
        guard Self.makePipe(&inPipe), Self.makePipe(&outPipe), Self.makePipe(&errPipe) else {
            let e = errno
            for fd in inPipe + outPipe + errPipe where fd >= 0 { close(fd) }
            throw SpawnError.pipe(e)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A process group of its own, so a timed-out plugin is killed with
        // everything it started (a shell script's `sleep`), and nothing it
        // started keeps our pipes open. Signals kefu ignores (SIGPIPE) are
        // reset to their defaults, and none is blocked.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var child: pid_t = 0
        var r = posix_spawn(&child, arguments[0], &actions, &attributes, argv, envp)
        // "Text file busy": the script was just written, and some other
        // thread's fork still holds it open for writing for a moment.
        var tries = 0
        while r == ETXTBSY && tries < 20 {
            usleep(10_000)
            tries += 1
            r = posix_spawn(&child, arguments[0], &actions, &attributes, argv, envp)
        }
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        guard r == 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            throw SpawnError.spawn(arguments[0], r)
        }
        pid = child
        // Its group (id = its pid) is killed if kefu is terminated by a signal.
        PluginProcessGroups.add(child)
        stdinFD = inPipe[1]
        stdoutFD = outPipe[0]
        stderrFD = errPipe[0]
        for fd in [stdinFD, stdoutFD, stderrFD] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
    }

    /// `pipe2` is not exported by the Glibc module: `pipe`, then close-on-exec
    /// on both ends, under `spawnLock`.
    /// Also held by whoever writes plugin files in this process (tests), so
    /// that no spawn inherits a file still open for writing ("Text file busy").
    static let spawnLock = NSLock()

    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard fds.withUnsafeMutableBufferPointer({ pipe($0.baseAddress!) }) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Closes the child's stdin: a well-behaved plugin exits on end of input.
    func closeInput() {
        if stdinFD >= 0 { close(stdinFD); stdinFD = -1 }
    }

    func closeOutput() {
        if stdoutFD >= 0 { close(stdoutFD); stdoutFD = -1 }
    }

    func closeErrors() {
        if stderrFD >= 0 { close(stderrFD); stderrFD = -1 }
    }

    /// Whether the child has exited (reaps it if so, without waiting).
    func hasExited() -> Bool {
        if reaped { return true }
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid {
            reaped = true
            exitStatus = status
            return true
        }
        if r < 0 && errno == ECHILD { reaped = true; return true }
        return false
    }

    /// Kills the child's whole process group and reaps the child, waiting
    /// at most `grace` seconds for the kernel to finish it (a process stuck in
    /// the kernel cannot hold kefu up; it stays a zombie until the next try).
    func kill(grace: Double = 0.05) {
        closeInput()
        // The group is killed once, at the first call: later, its id could
        // in principle belong to someone else.
        if !groupKilled {
            groupKilled = true
            _ = Glibc.kill(-pid, SIGKILL)  // the plugin and whatever it started
            if !reaped { _ = Glibc.kill(pid, SIGKILL) }
            PluginProcessGroups.remove(pid)
        }
        let end = MonotonicClock.now + grace
        while !hasExited() && MonotonicClock.now < end { usleep(1000) }
        closeOutput()
        closeErrors()
    }

    private var groupKilled = false

    /// A readable account of how the child ended, for skip reasons and logs.
    var exitDescription: String {
        guard let s = exitStatus else { return "exited" }
        if s & 0x7f == 0 { return "exited with status \((s >> 8) & 0xff)" }
        return "killed by signal \(s & 0x7f)"
    }

    deinit {
        kill(grace: 0)
        if !reaped { ZombieReaper.adopt(pid) }
    }
}

/// Children killed but not yet reaped: retried whenever another child ends,
/// so a plugin stuck in the kernel does not leave zombies for ever.
enum ZombieReaper {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var pids: [pid_t] = []

    static func adopt(_ pid: pid_t) {
        lock.lock(); defer { lock.unlock() }
        pids.append(pid)
        reapLocked()
    }

    static func reap() {
        lock.lock(); defer { lock.unlock() }
        reapLocked()
    }

    private static func reapLocked() {
        var status: Int32 = 0
        pids.removeAll { pid in
            let r = waitpid(pid, &status, WNOHANG)
            return r == pid || (r < 0 && errno == ECHILD)
        }
    }
}

/// Seconds on the monotonic clock: deadlines must not move when the wall
/// clock does.
enum MonotonicClock {
    static var now: Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
