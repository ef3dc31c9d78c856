/// Where a pack came from. Later layers override earlier ones by id.
public enum PackLayer: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case builtin, project, user, commandLine

    public static func < (a: PackLayer, b: PackLayer) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .builtin: "built-in"
        case .project: "project"
        case .user: "user"
        case .commandLine: "--snippets"
        }
    }
}
