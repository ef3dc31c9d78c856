#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process groups of the running external plugins, in a table a signal
/// handler can read: when kefu is terminated (SIGTERM, SIGHUP from a closed
/// terminal window, SIGINT outside the REPL), every group is killed before
/// kefu dies, so an EOF-ignoring plugin and whatever it started cannot live
/// on as orphans. The REPL's own fatal-signal handler calls `killAll` too.
///
/// Lives in KefuCore (not with the plugin host) so that every front end's
/// signal handling can reach it without depending on the host.
package enum PluginProcessGroups {
    static let capacity = 256
    /// Process-group ids (0: free slot). Written under `lock` by spawns and
    /// reaps, read without a lock by signal handlers (aligned 32-bit loads).
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<Int32> = {
        let p = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        p.initialize(repeating: 0, count: capacity)
        return p
    }()
    nonisolated(unsafe) static var lock = pthread_mutex_t()
    nonisolated(unsafe) static var lockReady: Bool = {
        pthread_mutex_init(&lock, nil)
        return true
    }()

    package static func add(_ group: Int32) {
        _ = lockReady
        pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }
        for i in 0..<capacity where slots[i] == 0 {
            slots[i] = group
            return
        }
    }

    package static func remove(_ group: Int32) {
        _ = lockReady
        pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }
        for i in 0..<capacity where slots[i] == group { slots[i] = 0 }
    }

    /// SIGKILL to every registered group. Async-signal-safe: loads and kill(2).
    package static func killAll() {
        for i in 0..<capacity {
            let group = slots[i]
            if group > 1 { _ = kill(-group, SIGKILL) }
        }
    }

    /// Installs, once, handlers for SIGTERM, SIGHUP and SIGINT that kill every
    /// plugin group and then do what was set before (by default: die of the
    /// signal, so the exit status still says how kefu ended). A signal kefu
    /// ignores (`nohup`) stays ignored.
    package static func installTerminationHandlers() {
        _ = installed
    }

    private static let installed: Bool = {
        // Inherited blocked (some launchers block them in their children):
        // the handler would never run, and kefu would not even die.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGTERM, SIGHUP, SIGINT] { sigaddset(&unblock, sig) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        previousTERM = signal(SIGTERM, onTermination)
        previousHUP = signal(SIGHUP, onTermination)
        previousINT = signal(SIGINT, onTermination)
        // Ignored before: keep it so (a nohup'd kefu must not die of SIGHUP).
        for (sig, previous) in [(SIGTERM, previousTERM), (SIGHUP, previousHUP), (SIGINT, previousINT)] where isIgnore(previous) {
            signal(sig, previous)
        }
        return true
    }()

    nonisolated(unsafe) static var previousTERM: sighandler_t?
    nonisolated(unsafe) static var previousHUP: sighandler_t?
    nonisolated(unsafe) static var previousINT: sighandler_t?

    static func isIgnore(_ handler: sighandler_t?) -> Bool { unsafeBitCast(handler, to: Int.self) == 1 }
    static func isDefault(_ handler: sighandler_t?) -> Bool { unsafeBitCast(handler, to: Int.self) == 0 }
}

private func onTermination(_ sig: Int32) {
    PluginProcessGroups.killAll()
    let previous =
        sig == SIGTERM
        ? PluginProcessGroups.previousTERM : sig == SIGHUP ? PluginProcessGroups.previousHUP : PluginProcessGroups.previousINT
    if PluginProcessGroups.isDefault(previous) {
        signal(sig, SIG_DFL)
        raise(sig)
    } else if let previous, !PluginProcessGroups.isIgnore(previous) {
        previous(sig)
    }
}
