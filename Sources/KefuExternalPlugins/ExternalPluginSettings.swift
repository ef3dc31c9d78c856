/// How kefu treats its external plugins. The defaults are what `kefu`
/// uses; config.yaml (`plugin_deadline_ms`) and tests change them.
public struct ExternalPluginSettings: Sendable {
    /// How long one request may take before the plugin is skipped for that
    /// message and restarted: low enough that an agent never notices.
    public var requestDeadline: Double = 0.2
    /// What a request gets once the message's deadline is used up (by a
    /// hung plugin): a tenth of the deadline, at least 10 ms.
    public var lateSlice: Double { max(0.01, requestDeadline / 10) }
    /// How long a starting plugin may take to answer `hello` (interpreters,
    /// JIT warm-up): separate from, and longer than, the request deadline.
    public var handshakeDeadline: Double = 2
    /// Consecutive failures after which a plugin is disabled for the session.
    public var maxConsecutiveFailures: Int = 3
    /// Restart back-off: `backoffBase × 2^(failures − 1)`, at most `backoffCap`.
    public var backoffBase: Double = 0.1
    /// The longest wait before a restart, in seconds.
    public var backoffCap: Double = 5
    /// A single line of plugin output longer than this is a flood.
    public var maxLineBytes: Int = 1 << 20
    /// More stdout than this in answer to one request is a flood.
    public var maxBytesPerRequest: Int = 4 << 20
    /// Where `<id>.log` files go (nil: stderr is read and dropped).
    public var logFolder: String?
    /// Each log file's bound (see `PluginLog`).
    public var maxLogBytes: Int = 256 << 10
    /// Added to the plugins' environment (tests; `KEFU_PLUGIN_PROTOCOL` is always set).
    public var environment: [String: String] = [:]

    /// The defaults.
    public init() {}

    func backoff(afterFailures n: Int) -> Double {
        min(backoffCap, backoffBase * Double(1 << min(max(n - 1, 0), 16)))
    }
}
