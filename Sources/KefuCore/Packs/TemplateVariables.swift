/// The variables every template may use without declaring them
/// (docs/snippet-packs.md, "Variables").
public enum TemplateVariables {
    /// From configuration.
    public static let configuration: Set<String> = ["shop", "agent", "ship_date"]
    /// From the session.
    public static let session: Set<String> = ["buyer", "returning"]
    /// Extracted from the message (EntityKind raw values).
    public static let extracted: Set<String> = Set(EntityKind.allCases.map(\.rawValue))

    public static let builtin: Set<String> = configuration.union(session).union(extracted)
}
