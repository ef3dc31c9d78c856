import CLibedit
import Foundation
import KefuCore
import Synchronization

/// Raw output, signals and terminal facts. Everything is written with
/// `write(2)`: the stdio globals are off limits under Swift 6, and one call
/// per block keeps output unbuffered and in order with libedit's own.
enum TerminalIO {
    static var stdinIsTerminal: Bool { isatty(0) == 1 }
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    /// Columns of the terminal, re-read on every call (the window may have
    /// been resized); 80 when unknown.
    static var columns: Int {
        let c = Int(kefu_terminal_columns(1))
        return c > 0 ? c : 80
    }

    static func write(_ text: String, fd: Int32 = 1) {
        var t = text
        t.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return
                }
                offset += n
            }
        }
    }

    /// Sets the UTF-8 locale libedit needs (the notes: without it every
    /// non-ASCII character is dropped). Returns whether it worked.
    @discardableResult
    static func setUpLocale() -> Bool { kefu_setup_utf8_locale() == 1 }
}

/// What the signal handlers saw. Handlers only store into these atomics.
enum SignalFlags {
    static let interrupted = Atomic<Bool>(false)
    static let resized = Atomic<Bool>(false)

    /// Whether a Ctrl-C arrived since the last call; clears it.
    static func takeInterrupt() -> Bool { interrupted.exchange(false, ordering: .relaxed) }

    /// Whether a Ctrl-C arrived and was not taken yet; leaves it.
    static var interruptPending: Bool { interrupted.load(ordering: .relaxed) }

    /// Whether the window was resized since the last call; clears it.
    static func takeResize() -> Bool { resized.exchange(false, ordering: .relaxed) }
}

/// The terminal as it was before kefu touched it, for the crash handlers.
/// Allocated once and never freed: a signal handler may read it at any time.
nonisolated(unsafe) let savedTerminalState: UnsafeMutablePointer<termios> = {
    let p = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    p.initialize(to: termios())
    return p
}()
nonisolated(unsafe) var savedTerminalStateValid = false

private func onInterrupt(_: Int32) { SignalFlags.interrupted.store(true, ordering: .relaxed) }
private func onResize(_: Int32) { SignalFlags.resized.store(true, ordering: .relaxed) }
private func onFatal(_ sig: Int32) {
    // A closed window (SIGHUP) or kill must not leave plugins behind.
    PluginProcessGroups.killAll()
    kefu_restore_and_reraise(sig, savedTerminalStateValid ? UnsafePointer(savedTerminalState) : nil)
}

enum Signals {
    /// Ctrl-C sets a flag and, because the handler is installed without
    /// SA_RESTART, makes a blocked read (el_wgets) return with EINTR: the line
    /// is cancelled and the session goes on. Crash and termination signals put
    /// the terminal back (mode, bracketed paste, colours) before kefu dies.
    /// A resize (SIGWINCH) sets a flag: libedit resizes its line on its
    /// own, and the line reader sees the flag and lays the drafts out again
    /// at the new width (`EditLineReader`). SA_RESTART: a resize must not
    /// interrupt the plugins' reads and writes.
    static func install() {
        if TerminalIO.stdinIsTerminal, tcgetattr(0, savedTerminalState) == 0 {
            savedTerminalStateValid = true
        }
        kefu_unblock_repl_signals()
        kefu_sigaction(SIGINT, onInterrupt, 0)
        kefu_sigaction(SIGWINCH, onResize, Int32(SA_RESTART))
        kefu_signal_ignore(SIGPIPE)
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGTERM, SIGHUP, SIGQUIT] {
            kefu_sigaction(sig, onFatal, 0)
        }
    }
}

/// The terminal while kefu owns it: flow control (IXON) off, so Ctrl-S is a
/// key (history search: newer match) instead of freezing the screen until
/// Ctrl-Q. The settings kefu found are put back when it exits (and by the
/// crash handlers, from `savedTerminalState`).
enum TerminalMode {
    static func takeOver() {
        guard savedTerminalStateValid else { return }
        kefu_terminal_disable_flow_control(0)
    }

    static func restore() {
        guard savedTerminalStateValid, TerminalIO.stdinIsTerminal else { return }
        tcsetattr(0, TCSADRAIN, savedTerminalState)
    }
}
