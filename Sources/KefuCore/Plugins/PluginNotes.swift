/// A plugin whose contribution is missing from one suggestion, and why
/// (an external plugin that timed out, crashed, is restarting...). Front ends
/// show these so that a missing draft is never a silent mystery.
public struct SkippedPlugin: Sendable, Hashable {
    /// The plugin's id.
    public var id: String
    /// A stable code: `timeout`, `crashed`, `invalid_output`, `wrong_id`,
    /// `flood`, `plugin_error`, `restarting`, `starting`, `disabled`.
    public var reason: String
    /// What happened, for a person.
    public var detail: String

    /// A skipped plugin with its reason code and detail.
    public init(id: String, reason: String, detail: String) {
        self.id = id
        self.reason = reason
        self.detail = detail
    }
}

/// Something a draft check found in a draft before it is copied.
public struct DraftWarning: Sendable, Hashable {
    /// `plugin:code`, e.g. `banned-words:absolute-claim`.
    public var code: String
    /// What the agent reads under the draft.
    public var message: String

    /// A warning with its `plugin:code` and message.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
