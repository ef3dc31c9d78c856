import Foundation
import KefuCore

/// Logistics as a code plugin: tracking links, status wording, dispatch promise.
package struct LogisticsPlugin: CodePlugin {
    let clock: @Sendable () -> Date
    let timeZone: TimeZone

    /// - Parameter clock: now; tests inject a fixed time.
    package init(clock: @escaping @Sendable () -> Date = { Date() }, timeZone: TimeZone = .current) {
        self.clock = clock
        self.timeZone = timeZone
    }

    package let declaration = PluginDeclaration(
        id: "logistics", version: "1.0.0",
        summary: "carrier tracking links, in transit / delayed / delivered wording (status variable), promised ship date",
        provides: [.draftProvider],
        configurationKeys: [
            PluginConfigurationKey(
                "dispatch_cutoff", .timeOfDay,
                "orders paid before this time ship the same day (no default: without it, or the facts file's dispatch cut-off, no ship date is promised)"
            )
        ])

    package func load(_ settings: PluginSettings) throws -> PluginParts {
        var cutoff: Int?
        if let v = settings["dispatch_cutoff"] {
            guard let m = settings.timeOfDay("dispatch_cutoff") else {
                throw Diagnostic("dispatch_cutoff must be a time of day HH:MM, found '\(v.text)'", at: v.location)
            }
            cutoff = m
        }
        return PluginParts(providers: [LogisticsProvider(cutoff: cutoff, timeZone: timeZone, clock: clock)])
    }

    package var examples: [PluginExample] {
        [
            PluginExample("我的快递到哪了 顺丰SF1234567890123", draft: "logistics.tracking_link"),
            PluginExample("Where is my parcel? UPS 1Z999AA10123456784", draft: "logistics.tracking_link"),
            // No dispatch cut-off configured: no promised ship date.
            PluginExample("什么时候发货啊", draft: "logistics.dispatch_promise", absent: true),
            PluginExample("请问这件有M码吗", draft: "logistics.", absent: true),
        ]
    }
}
