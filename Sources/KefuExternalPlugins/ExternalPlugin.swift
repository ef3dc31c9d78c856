import Foundation
import Synchronization

/// One external plugin under supervision: its process (started once, kept
/// alive), what it declared, and its health.
///
/// A plugin that fails (timeout, crash, garbage, wrong id, flood) is killed
/// with its process group and restarted on a later request after a back-off
/// that doubles with each consecutive failure; after
/// `maxConsecutiveFailures` failures in a row of any one request kind it is
/// disabled for the session (a plugin that answers `detect` but hangs on
/// every `draft` fails three drafts in a row, whatever its detects do). Its
/// stderr goes to a bounded log file.
///
/// Thread safety: every mutable field is touched only while `lock` is held;
/// `PluginExchange` takes the locks of all plugins of one fan-out in `order`,
/// so two fan-outs over overlapping plugins cannot deadlock.
package final class ExternalPlugin: @unchecked Sendable {
    package let spec: ExternalPluginSpec
    let settings: ExternalPluginSettings
    let order: Int
    let lock = NSLock()

    private static let sequence = Atomic<Int>(0)

    enum Phase {
        case stopped
        /// `hello` sent; its answer is due by `deadline`.
        case starting(PluginConnection, deadline: Double)
        case ready(PluginConnection)
        /// Failed; may start again from `until`.
        case backingOff(until: Double)
        case disabled(String)
        /// Off by the user's choice (`disabled_plugins`, `--disable`): never started.
        case turnedOff
    }

    // Guarded by `lock`.
    var phase: Phase = .stopped
    var declaration: ExternalPluginDeclaration?
    var consecutiveFailures = 0
    /// Failures in a row per request kind (`hello`, `detect`, `draft`...):
    /// a success of one kind does not forgive another.
    var failuresByKind: [String: Int] = [:]
    var restarts = 0
    /// Answers slower than half the deadline, and the slowest (seconds).
    var slowAnswers = 0
    var slowestAnswer = 0.0
    var lastFailure: PluginSkip?
    private var nextRequestID = 1
    let log: PluginLog
    let kefuVersion: String
    let config: [String: String]

    init(spec: ExternalPluginSpec, settings: ExternalPluginSettings, kefuVersion: String, config: [String: String]) {
        self.spec = spec
        self.settings = settings
        self.kefuVersion = kefuVersion
        self.config = config
        self.order = Self.sequence.add(1, ordering: .relaxed).newValue
        self.log = PluginLog(folder: settings.logFolder, id: spec.provisionalID, maxBytes: settings.maxLogBytes)
    }

    /// The id to report under: the plugin's own once known.
    var idLocked: String { spec.configuredID ?? declaration?.id ?? spec.provisionalID }

    func takeRequestIDLocked() -> Int {
        defer { nextRequestID += 1 }
        return nextRequestID
    }

    /// Starts the process if it is due to run, sending `hello`. Returns why it
    /// cannot take part now, if it cannot.
    func prepareLocked(now: Double) -> PluginSkip? {
        switch phase {
        case .disabled(let why):
            return PluginSkip(plugin: idLocked, reason: .disabled, detail: why)
        case .turnedOff:
            return PluginSkip(plugin: idLocked, reason: .disabled, detail: ExternalPluginStatus.turnedOffDetail)
        case .backingOff(let until) where now < until:
            return PluginSkip(
                plugin: idLocked, reason: .restarting,
                detail: "restarting after: \(lastFailure?.detail ?? "a failure")")
        case .backingOff, .stopped:
            startLocked(now: now)
            if case .disabled(let why) = phase { return PluginSkip(plugin: idLocked, reason: .disabled, detail: why) }
            if case .backingOff = phase, let f = lastFailure { return f }
            return nil
        case .starting, .ready:
            return nil
        }
    }

    private func startLocked(now: Double) {
        var environment = ProcessInfo.processInfo.environment
        environment["KEFU_PLUGIN_PROTOCOL"] = String(WireRequests.protocolVersion)
        for (k, v) in settings.environment { environment[k] = v }
        do {
            let child = try ChildProcess(arguments: spec.command, environment: environment)
            let connection = PluginConnection(child: child, maxLineBytes: settings.maxLineBytes)
            connection.queue(WireRequests.hello(kefuVersion: kefuVersion, config: config))
            phase = .starting(connection, deadline: now + settings.handshakeDeadline)
            log.note(
                restarts == 0 && consecutiveFailures == 0
                    ? "started \(spec.command.joined(separator: " "))" : "restarted (failure \(consecutiveFailures))")
        } catch {
            failLocked(PluginSkip(plugin: idLocked, reason: .crashed, detail: "\(error)"), kind: "hello", now: now)
        }
    }

    var connectionLocked: PluginConnection? {
        switch phase {
        case .starting(let c, _), .ready(let c): return c
        default: return nil
        }
    }

    /// Records a failure: the process goes, and the plugin waits or is disabled.
    func failLocked(_ skip: PluginSkip, kind: String, now: Double) {
        if let c = connectionLocked {
            c.drainErrors(into: log)
            c.child.kill()
        }
        log.note("\(skip.reason.rawValue): \(skip.detail)")
        consecutiveFailures += 1
        failuresByKind[kind, default: 0] += 1
        lastFailure = skip
        let inARow = max(consecutiveFailures, failuresByKind[kind] ?? 0)
        if inARow >= settings.maxConsecutiveFailures {
            let why = "disabled after \(inARow) failures in a row; last: \(skip.detail) (on \(kind))"
            phase = .disabled(why)
            log.note(why)
        } else {
            phase = .backingOff(until: now + settings.backoff(afterFailures: consecutiveFailures))
            restarts += 1
        }
    }

    func succeededLocked(kind: String) {
        consecutiveFailures = 0
        failuresByKind[kind] = 0
    }

    /// Ends the process politely (stdin closed: plugins exit on end of
    /// input), then firmly.
    func stop() {
        closeInput()
        finishStop(by: MonotonicClock.now + 0.1)
    }

    /// The polite half of `stop`, so that a host closes every plugin's stdin
    /// before waiting for any of them.
    func closeInput() {
        lock.lock(); defer { lock.unlock() }
        connectionLocked?.child.closeInput()
    }

    /// Waits until `deadline` for the process to exit, then kills it.
    func finishStop(by deadline: Double) {
        lock.lock(); defer { lock.unlock() }
        if let c = connectionLocked {
            while !c.child.hasExited() && MonotonicClock.now < deadline { usleep(2000) }
            c.drainErrors(into: log)
            c.child.kill()
        }
        switch phase {
        case .disabled, .turnedOff: return
        default: phase = .stopped
        }
    }

    /// A snapshot for `kefu plugins list` and the tests.
    package var status: ExternalPluginStatus {
        lock.lock(); defer { lock.unlock() }
        let state: ExternalPluginStatus.State
        switch phase {
        case .stopped: state = declaration == nil ? .notStarted : .stopped
        case .starting: state = .starting
        case .ready: state = .loaded
        case .backingOff: state = .restarting
        case .disabled, .turnedOff: state = .disabled
        }
        var detail: String? = nil
        var turnedOff = false
        if case .turnedOff = phase {
            detail = ExternalPluginStatus.turnedOffDetail; turnedOff = true
        } else if case .disabled(let why) = phase {
            detail = why
        } else if let f = lastFailure, consecutiveFailures > 0 {
            detail = f.detail
        } else if slowAnswers > 0 {
            detail = "slow: \(slowAnswers) answer(s) over half the deadline, slowest \(Int((slowestAnswer * 1000).rounded())) ms"
        }
        return ExternalPluginStatus(
            id: idLocked, declaration: declaration, state: state, detail: detail, turnedOff: turnedOff, restarts: restarts,
            origin: spec.origin, command: spec.command, logPath: log.path)
    }
}

/// What `kefu plugins list` shows of an external plugin.
package struct ExternalPluginStatus: Sendable {
    /// How a plugin turned off by configuration is described.
    package static let turnedOffDetail = "disabled by configuration"
    package enum State: String, Sendable {
        case notStarted = "not started"
        case starting, loaded, restarting, disabled, stopped
        /// Refused before it could run (unsafe folder, not executable).
        case refused
    }
    package var id: String
    package var declaration: ExternalPluginDeclaration?
    package var state: State
    package var detail: String?
    /// Disabled by the user's choice rather than by failures: not a problem
    /// to report.
    package var turnedOff: Bool = false
    package var restarts: Int
    package var origin: String
    package var command: [String]
    package var logPath: String?
}
