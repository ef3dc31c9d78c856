/// Where a pack came from. Later layers override earlier ones by id.
public enum PackLayer: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// `learned`: the examples kefu learned from the agent's copies
    /// (`$XDG_STATE_HOME/kefu/learned/`), loaded last so that they can
    /// extend an intent of any other layer.
    case builtin, project, user, commandLine, learned

    /// Layers order by precedence: a later layer overrides an earlier one.
    public static func < (a: PackLayer, b: PackLayer) -> Bool { a.rawValue < b.rawValue }

    /// The layer as named in messages and `kefu list`.
    public var description: String {
        switch self {
        case .builtin: "built-in"
        case .project: "project"
        case .user: "user"
        case .commandLine: "--snippets"
        case .learned: "learned"
        }
    }
}
