import KefuCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every external plugin of a session, and the four requests the engine makes
/// of them. Each request goes to all capable plugins at once
/// (`PluginExchange`) and comes back within the request deadline, with the
/// answers that arrived and a `PluginSkip` for each plugin that did not.
public final class ExternalPluginHost: Sendable {
    package let plugins: [ExternalPlugin]
    /// Plugins found but never started (unsafe folder, not executable...).
    package let refused: [ExternalPluginStatus]
    package let settings: ExternalPluginSettings
    /// Ids turned off by configuration (`--disable ID`, config.yaml `disabled_plugins:`).
    package let disabledIDs: Set<String>
    /// Where the host says what an agent should know and no answer carries
    /// (a plugin disabled, a slow plugin): stderr in the commands.
    private let warn: @Sendable (String) -> Void
    private let warned = Mutex<Set<String>>([])

    package init(
        specs: [ExternalPluginSpec], refused: [ExternalPluginStatus] = [], settings: ExternalPluginSettings = ExternalPluginSettings(),
        kefuVersion: String = "0", config: [String: [String: String]] = [:], disabledIDs: Set<String> = [],
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.warn = warn
        self.plugins = specs.map {
            ExternalPlugin(
                spec: $0, settings: settings, kefuVersion: kefuVersion, config: config[$0.command.joined(separator: "\u{0}")] ?? [:])
        }
        self.refused = refused
        self.settings = settings
        self.disabledIDs = Set(disabledIDs.map { $0.lowercased() })  // as the REPL's disabled_plugins
        // Known by name already (configured id, or file name): never started.
        for p in plugins where self.disabledIDs.contains(p.spec.provisionalID.lowercased()) {
            p.lock.lock()
            p.phase = .turnedOff
            p.lock.unlock()
        }
        if !specs.isEmpty {
            Self.ignoreSIGPIPE()
            PluginProcessGroups.installTerminationHandlers()
        }
    }

    /// Plugins started by command alone, with the default settings: the
    /// host a program outside this package (the benchmarks) can build.
    public convenience init(commands specs: [ExternalPluginSpec]) {
        self.init(specs: specs)
    }

    /// Writing to a plugin that has just died must be an error, not the end
    /// of kefu.
    private static func ignoreSIGPIPE() { _ = signal(SIGPIPE, SIG_IGN) }

    /// Starts every plugin and waits (up to the handshake deadline, all at
    /// once) for their `hello`s. A plugin disabled by configuration under the
    /// id it declares (not its file name) is stopped as soon as it has said
    /// who it is.
    public func start() {
        let starting = plugins.filter { $0.status.state != .disabled }
        guard !starting.isEmpty else { return }
        let deadline = MonotonicClock.now + settings.handshakeDeadline
        _ = PluginExchange.run(starting, request: nil, deadline: deadline)
        for p in starting where disabledIDs.contains(p.status.id.lowercased()) {
            p.stop()
            p.lock.lock()
            p.phase = .turnedOff
            p.lock.unlock()
        }
    }

    /// Closes every plugin's stdin, gives them all 100 ms together to exit,
    /// then kills what is left.
    public func shutdown() {
        for p in plugins { p.closeInput() }
        let deadline = MonotonicClock.now + 0.1
        for p in plugins { p.finishStop(by: deadline) }
    }

    package var statuses: [ExternalPluginStatus] { plugins.map(\.status) + refused }

    /// Intents the loaded plugins introduce.
    package var declaredIntents: [ExternalPluginDeclaration.DeclaredIntent] {
        plugins.compactMap(\.status.declaration).flatMap(\.intents)
    }

    private func capable(_ capability: ExternalCapability, only: String? = nil, excluding: Set<String> = []) -> [ExternalPlugin] {
        plugins.filter { p in
            let s = p.status
            if let only, s.id != only { return false }
            if excluding.contains(s.id) { return false }
            if s.turnedOff { return false }
            return s.declaration.map { $0.capabilities.contains(capability) } ?? true
        }
    }

    private func exchange<T>(
        _ capability: ExternalCapability, _ fields: [(String, JSONWriter.Value)], only: String? = nil,
        decode: ([UInt8], ExternalPlugin) -> T?
    ) -> (answers: [(plugin: String, value: T)], skipped: [PluginSkip]) {
        // A plugin already skipped for this message is not asked again, and
        // every request of one message shares one deadline; once a hung
        // plugin has used it up, each later kind of request still gets a
        // short slice (`lateSlice`), so the healthy plugins, which answer in
        // a millisecond or two, still draft and check. A message waits at
        // most the deadline plus three slices (1.3 × the deadline), however
        // many plugins hang at which kinds (it was 4 × before).
        let asked = capable(capability, only: only, excluding: SkippedPluginLog.current?.unavailableIDs ?? [])
        guard !asked.isEmpty else { return ([], []) }
        let now = MonotonicClock.now
        let shared = SkippedPluginLog.current?.sharedDeadline(proposing: now + settings.requestDeadline) ?? now + settings.requestDeadline
        let deadline = max(shared, now + settings.lateSlice)
        let outcomes = PluginExchange.run(asked, request: (capability.rawValue, capability, fields), deadline: deadline)
        var answers: [(String, T)] = []
        var skipped: [PluginSkip] = []
        for (p, outcome) in zip(asked, outcomes) {
            switch outcome {
            case .answered(let line):
                let id = p.status.id
                if let value = decode(line, p) {
                    answers.append((id, value))
                } else {
                    skipped.append(
                        PluginSkip(plugin: id, reason: .invalidOutput, detail: "answer to \(capability.rawValue) has the wrong shape"))
                }
            case .skipped(let s): skipped.append(s)
            case .notAsked: break
            }
        }
        reportHealth(asked)
        return (answers, skipped)
    }

    /// Once per plugin and session: a plugin just disabled, or slow (over
    /// half the deadline), is named on the warning channel.
    private func reportHealth(_ plugins: [ExternalPlugin]) {
        for p in plugins {
            let s = p.status
            var key: String?, message = ""
            if s.state == .disabled {
                key = "disabled:" + s.id
                message = "plugin \(s.id) is disabled for this session: \(s.detail ?? "")"
            } else if let detail = s.detail, detail.hasPrefix("slow:") {
                key = "slow:" + s.id
                message =
                    "plugin \(s.id) is \(detail) (the plugins of one message share \(Int((settings.requestDeadline * 1000).rounded())) ms)"
            }
            guard let key, warned.withLock({ $0.insert(key).inserted }) else { continue }
            warn(message)
        }
    }

    /// Asks every detecting plugin about a message at once, within the request deadline.
    public func detect(_ text: NormalizedText) -> (reports: [DetectorReport], skipped: [PluginSkip]) {
        let r = exchange(.detect, [("message", WireRequests.message(text))]) { line, p in
            WireAnswers.decode(WireAnswers.Detect.self, line).map { WireAnswers.detectorReport($0, plugin: p.status.id) }
        }
        return (r.answers.map(\.value), r.skipped)
    }

    package func extract(_ text: NormalizedText) -> (entities: [Entity], skipped: [PluginSkip]) {
        let r = exchange(.extract, [("message", WireRequests.message(text))]) { line, _ in
            WireAnswers.decode(WireAnswers.Extract.self, line).map(WireAnswers.entities)
        }
        return (r.answers.flatMap(\.value), r.skipped)
    }

    package func drafts(
        _ text: NormalizedText, language: Language, intents: [DetectedIntent], entities: [Entity],
        variables: [String: String], tone: ToneReading
    ) -> (drafts: [ExternalDraft], skipped: [PluginSkip]) {
        let r = exchange(
            .draft,
            [
                ("message", WireRequests.message(text)),
                ("reply_language", .string(language.rawValue)),
                ("intents", WireRequests.intents(intents)),
                ("entities", WireRequests.entities(entities)),
                ("variables", WireRequests.variables(variables)),
                ("tone", WireRequests.tone(tone)),
            ]
        ) { line, p in
            WireAnswers.decode(WireAnswers.Drafts.self, line).map { WireAnswers.drafts($0, plugin: p.status.id) }
        }
        return (r.answers.flatMap(\.value), r.skipped)
    }

    /// The drafts to check, as plugins see them.
    package struct CheckedDraft: Sendable {
        package var snippet: String
        package var intent: String?
        package var kind: String
        package var language: Language
        package var text: String
        package init(snippet: String, intent: String?, kind: String, language: Language, text: String) {
            self.snippet = snippet
            self.intent = intent
            self.kind = kind
            self.language = language
            self.text = text
        }
    }

    /// One verdict list per draft (merged over plugins, warnings carrying the
    /// plugin id in front of their code). `only`: ask just that plugin.
    package func check(_ drafts: [CheckedDraft], message: NormalizedText, only: String? = nil) -> (
        results: [DraftCheckResult], skipped: [PluginSkip]
    ) {
        guard !drafts.isEmpty else { return ([], []) }
        let r = exchange(
            .check,
            [
                ("message", WireRequests.message(message)),
                (
                    "drafts",
                    .array(
                        drafts.map { d in
                            .object([
                                ("snippet", .string(d.snippet)), ("intent", d.intent.map { .string($0) } ?? .null),
                                ("kind", .string(d.kind)), ("language", .string(d.language.rawValue)), ("text", .string(d.text)),
                            ])
                        })
                ),
            ], only: only
        ) { line, _ in
            WireAnswers.decode(WireAnswers.Checks.self, line).map { WireAnswers.checks($0, count: drafts.count) }
        }
        var merged = Array(repeating: DraftCheckResult(warnings: [], block: false), count: drafts.count)
        var skipped = r.skipped
        for (plugin, results) in r.answers {
            // Working as written, perhaps, but the agent is left with nothing: say which check did it.
            if !results.isEmpty && results.allSatisfy(\.block) {
                skipped.append(
                    PluginSkip(plugin: plugin, reason: .blockedEveryDraft, detail: "blocked every draft it was shown (\(results.count))"))
            }
            for (i, result) in results.enumerated() {
                merged[i].warnings += result.warnings.map { DraftWarning(code: "\(plugin):\($0.code)", message: $0.message) }
                merged[i].block = merged[i].block || result.block
            }
        }
        return (merged, skipped)
    }
}
