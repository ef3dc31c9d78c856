import KefuCore

/// The compliance check as a code plugin.
package struct CompliancePlugin: CodePlugin {
    package init() {}

    package let declaration = PluginDeclaration(
        id: "compliance", version: "1.0.0",
        summary: "flags absolute claims, off-platform contact, policy contradictions, unfilled placeholders",
        provides: [.draftCheck],
        configurationKeys: [
            PluginConfigurationKey("refund_days", .integer, "days of no-reason returns the shop offers; other numbers are flagged"),
            PluginConfigurationKey("free_return", .boolean, "whether the shop pays return shipping; contrary promises are flagged"),
            PluginConfigurationKey("allowed_hosts", .text, "comma-separated link hosts that are fine to send"),
        ])

    package func load(_ settings: PluginSettings) throws -> PluginParts {
        PluginParts(checks: [ComplianceCheck(policy: try CompliancePolicy(settings))])
    }

    /// A check with this policy, for tests and other front ends.
    package static func check(refundDays: Int? = nil, freeReturn: Bool? = nil) -> any DraftCheck {
        ComplianceCheck(policy: CompliancePolicy(refundDays: refundDays, freeReturn: freeReturn))
    }
}
