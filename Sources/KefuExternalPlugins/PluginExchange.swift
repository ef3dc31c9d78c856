import KefuCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One round of requests to several plugins at once, on the caller's thread:
/// every request is written, then one `poll` waits on all their stdouts (and
/// stderrs, and stdins still being written) until every answer is in or the
/// deadline passes. No thread is started or blocked per plugin or per
/// request, so a hung plugin costs one deadline per round and nothing more.
struct PluginExchange {
    enum Outcome {
        /// The answer line (already checked: JSON, right id, no `error`).
        case answered([UInt8])
        case skipped(PluginSkip)
        /// The plugin turned out not to offer the capability asked for.
        case notAsked
    }

    struct Participant {
        let plugin: ExternalPlugin
        /// nil: only start it and wait for its `hello` (start-up).
        let request: (type: String, capability: ExternalCapability, fields: [(String, JSONWriter.Value)])?
        var requestID: Int?
        var outcome: Outcome?
        /// When the request was written (for slow-answer reports).
        var sentAt = 0.0
    }

    /// Sends `type` with `fields` (plus `type` and `id`) to each plugin, or
    /// only starts them when `request` is nil; returns one outcome per plugin.
    static func run(
        _ plugins: [ExternalPlugin], request: (type: String, capability: ExternalCapability, fields: [(String, JSONWriter.Value)])?,
        deadline: Double
    ) -> [Outcome] {
        var parts = plugins.map { Participant(plugin: $0, request: request) }
        let locked = parts.indices.sorted { parts[$0].plugin.order < parts[$1].plugin.order }
        for i in locked { parts[i].plugin.lock.lock() }
        defer { for i in locked.reversed() { parts[i].plugin.lock.unlock() } }

        let now = MonotonicClock.now
        for i in parts.indices {
            if let skip = parts[i].plugin.prepareLocked(now: now) {
                parts[i].outcome = .skipped(skip)
                continue
            }
            if case .ready = parts[i].plugin.phase { sendRequest(&parts[i]) }
        }

        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            var fds: [pollfd] = []
            var owners: [(part: Int, stream: Int)] = []  // 0 stdin, 1 stdout, 2 stderr
            for i in parts.indices where parts[i].outcome == nil {
                guard let c = parts[i].plugin.connectionLocked else { continue }
                if c.child.stdoutFD >= 0 {
                    fds.append(pollfd(fd: c.child.stdoutFD, events: Int16(POLLIN), revents: 0)); owners.append((i, 1))
                }
                if c.child.stderrFD >= 0 {
                    fds.append(pollfd(fd: c.child.stderrFD, events: Int16(POLLIN), revents: 0)); owners.append((i, 2))
                }
                if !c.pendingWrite.isEmpty && c.child.stdinFD >= 0 {
                    fds.append(pollfd(fd: c.child.stdinFD, events: Int16(POLLOUT), revents: 0)); owners.append((i, 0))
                }
            }
            if fds.isEmpty { break }
            let left = deadline - MonotonicClock.now
            if left <= 0 { break }
            let r = poll(&fds, nfds_t(fds.count), Int32(min(left * 1000 + 1, 60_000)))
            if r < 0 && errno == EINTR { continue }
            if r <= 0 { continue }  // loop re-checks the deadline
            for (k, fd) in fds.enumerated() where fd.revents != 0 {
                let (i, stream) = owners[k]
                guard parts[i].outcome == nil, let c = parts[i].plugin.connectionLocked else { continue }
                switch stream {
                case 0:
                    if c.flush() == .closed { crashed(&parts[i]) }
                case 2:
                    c.drainErrors(into: parts[i].plugin.log)
                default:
                    read(&parts[i], c, &buffer)
                }
            }
        }

        let end = MonotonicClock.now
        for i in parts.indices where parts[i].outcome == nil {
            let p = parts[i].plugin
            p.connectionLocked?.drainErrors(into: p.log)
            if case .starting(_, let handshakeDue) = p.phase {
                if end < handshakeDue {
                    parts[i].outcome = .skipped(PluginSkip(plugin: p.idLocked, reason: .starting, detail: "still starting"))
                } else {
                    fail(&parts[i], .timeout, "no hello within \(milliseconds(p.settings.handshakeDeadline))")
                }
            } else if parts[i].plugin.connectionLocked != nil {
                let allowed = milliseconds(((deadline - now) * 1000).rounded() / 1000), full = milliseconds(p.settings.requestDeadline)
                fail(
                    &parts[i], .timeout,
                    "no answer within \(allowed)" + (allowed == full ? "" : " (what was left of the message's \(full))"))
            } else {
                parts[i].outcome = .notAsked
            }
        }
        return parts.map { $0.outcome ?? .notAsked }
    }

    private static func milliseconds(_ seconds: Double) -> String {
        seconds >= 1 && seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(Int((seconds * 1000).rounded())) ms"
    }

    private static func sendRequest(_ part: inout Participant) {
        let p = part.plugin
        guard let request = part.request else {
            part.outcome = .notAsked  // start-up only: it is loaded
            return
        }
        guard p.declaration?.capabilities.contains(request.capability) == true, let c = p.connectionLocked else {
            part.outcome = .notAsked
            return
        }
        let id = p.takeRequestIDLocked()
        part.requestID = id
        c.awaiting = id
        c.bytesSinceRequest = 0
        part.sentAt = MonotonicClock.now
        c.queue(WireRequests.request(type: request.type, id: id, fields: request.fields))
        if c.flush() == .closed { crashed(&part) }
    }

    private static func read(_ part: inout Participant, _ c: PluginConnection, _ buffer: inout [UInt8]) {
        while part.outcome == nil, c.child.stdoutFD >= 0 {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(c.child.stdoutFD, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return }  // EAGAIN: all read for now
            if n == 0 { crashed(&part); return }
            c.bytesSinceRequest += n
            if c.bytesSinceRequest > part.plugin.settings.maxBytesPerRequest {
                fail(&part, .flood, "wrote more than \(part.plugin.settings.maxBytesPerRequest >> 20) MiB to stdout for one request")
                return
            }
            let outcome = buffer.withUnsafeBytes { c.splitter.feed(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            switch outcome {
            case .lineTooLong:
                fail(&part, .flood, "wrote a line longer than \(part.plugin.settings.maxLineBytes >> 10) KiB to stdout")
                return
            case .lines(let lines):
                for line in lines where part.outcome == nil {
                    handle(line, &part, c)
                }
            }
        }
    }

    private static func handle(_ line: [UInt8], _ part: inout Participant, _ c: PluginConnection) {
        let p = part.plugin
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }  // blank lines are harmless
        if case .starting = p.phase {
            guard let hello = WireAnswers.decode(WireAnswers.Hello.self, line) else {
                fail(&part, .invalidOutput, "bad hello: \(preview(line))")
                return
            }
            guard hello.protocol == WireRequests.protocolVersion else {
                fail(&part, .invalidOutput, "speaks protocol \(hello.protocol), kefu speaks \(WireRequests.protocolVersion)")
                return
            }
            guard let declaration = WireAnswers.declaration(hello) else {
                fail(&part, .invalidOutput, "bad hello (type must be \"hello\", id letters, digits, . _ -): \(preview(line))")
                return
            }
            p.declaration = declaration
            p.phase = .ready(c)
            p.failuresByKind["hello"] = 0
            p.log.note(
                "ready: \(declaration.id) \(declaration.version) [\(declaration.capabilities.sorted().map(\.rawValue).joined(separator: ", "))]"
            )
            sendRequest(&part)
            return
        }
        guard let expected = c.awaiting else {
            fail(&part, .invalidOutput, "wrote a line nobody asked for: \(preview(line))")
            return
        }
        guard let envelope = WireAnswers.decode(WireAnswers.Envelope.self, line) else {
            fail(&part, .invalidOutput, "wrote something that is not a JSON object: \(preview(line))")
            return
        }
        guard envelope.id == expected else {
            fail(&part, .wrongID, "answered id \(envelope.id.map(String.init) ?? "none"), expected \(expected)")
            return
        }
        c.awaiting = nil
        p.succeededLocked(kind: part.request?.type ?? "hello")
        let took = MonotonicClock.now - part.sentAt
        if took > p.settings.requestDeadline / 2 {
            p.slowAnswers += 1
            p.slowestAnswer = max(p.slowestAnswer, took)
            if p.slowAnswers == 1 { p.log.note("slow: answered \(part.request?.type ?? "") in \(milliseconds(took))") }
        }
        if let error = envelope.error {
            part.outcome = .skipped(PluginSkip(plugin: p.idLocked, reason: .pluginError, detail: WireAnswers.clean(error, limit: 200)))
        } else {
            part.outcome = .answered(line)
        }
    }

    private static func preview(_ line: [UInt8]) -> String {
        let text = WireAnswers.clean(String(decoding: line.prefix(60), as: UTF8.self), limit: 60)
        return "“\(text)\(line.count > 60 ? "…" : "")”"
    }

    private static func crashed(_ part: inout Participant) {
        let c = part.plugin.connectionLocked
        // Give the kernel a moment to report how it ended.
        let end = MonotonicClock.now + 0.02
        while let c, !c.child.hasExited(), MonotonicClock.now < end { usleep(500) }
        let how = c.map { $0.child.hasExited() ? $0.child.exitDescription : "closed its stdout" } ?? "exited"
        fail(&part, .crashed, how)
    }

    private static func fail(_ part: inout Participant, _ reason: PluginSkip.Reason, _ detail: String) {
        let skip = PluginSkip(plugin: part.plugin.idLocked, reason: reason, detail: detail)
        var kind = part.request?.type ?? "hello"
        if case .starting = part.plugin.phase { kind = "hello" }
        part.plugin.failLocked(skip, kind: kind, now: MonotonicClock.now)
        part.outcome = .skipped(skip)
    }
}
