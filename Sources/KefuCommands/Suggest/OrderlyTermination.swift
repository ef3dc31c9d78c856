import Foundation
import KefuCore
import Synchronization

/// `kefu suggest`'s answer to SIGTERM, SIGINT and SIGHUP: a write to
/// standard output that has begun is finished before kefu dies, so a reader
/// never gets a torn JSON line — it gets the record in flight whole, or
/// nothing of it. Between writes (reading input, working out drafts) the
/// signal ends kefu at once, as it always did.
///
/// A signal handler can only store into atomics, so the states are one
/// atomic: idle, writing, or terminating. Should the reader never take the
/// rest of the line, a grace period (`alarm`) still ends kefu.
enum OrderlyTermination {
    private static let idle: Int32 = 0, writing: Int32 = 1, terminating: Int32 = 2
    fileprivate static let state = Atomic<Int32>(0)
    fileprivate static let pending = Atomic<Int32>(0)
    static let graceSeconds: UInt32 = 5

    /// Catches the signals, and unblocks them (and SIGALRM, the grace
    /// period's) on this thread: a parent may start kefu with them blocked
    /// (Foundation's `Process` passes on its thread's mask), and a blocked
    /// SIGTERM would let kefu run on to the end of its input.
    static func install() {
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGTERM, SIGINT, SIGHUP] {
            signal(sig, onTerminationSignal)
            sigaddset(&unblock, sig)
        }
        sigaddset(&unblock, SIGALRM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Called before a write to stdout. If a signal already decided to end
    /// kefu, this never returns (the signal does its work).
    static func beginWrite() {
        if pending.load(ordering: .sequentiallyConsistent) != 0 { die(pending.load(ordering: .sequentiallyConsistent)) }
        while !state.compareExchange(expected: idle, desired: writing, ordering: .sequentiallyConsistent).exchanged {
            pause()  // terminating: the handler is raising the signal
        }
    }

    /// Called when the write is complete: a signal that came meanwhile takes
    /// effect now.
    static func endWrite() {
        state.store(idle, ordering: .sequentiallyConsistent)
        let sig = pending.load(ordering: .sequentiallyConsistent)
        if sig != 0, state.compareExchange(expected: idle, desired: terminating, ordering: .sequentiallyConsistent).exchanged {
            die(sig)
        }
    }

    /// The default action of `sig`, now (async-signal-safe calls only),
    /// after the plugins' process groups: whichever handler was installed
    /// last, no plugin outlives kefu.
    fileprivate static func die(_ sig: Int32) -> Never {
        PluginProcessGroups.killAll()
        signal(sig, SIG_DFL)
        raise(sig)
        _exit(128 + sig)
    }

    fileprivate static func handle(_ sig: Int32) {
        pending.store(sig, ordering: .sequentiallyConsistent)
        if state.compareExchange(expected: idle, desired: terminating, ordering: .sequentiallyConsistent).exchanged {
            die(sig)
        }
        alarm(graceSeconds)  // writing: finish it, but not forever
    }
}

private func onTerminationSignal(_ sig: Int32) { OrderlyTermination.handle(sig) }
