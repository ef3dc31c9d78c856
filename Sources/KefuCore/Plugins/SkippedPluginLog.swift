import Foundation

/// The plugins that could not contribute to one suggestion, collected while
/// the engine runs it. Detectors, extractors, providers and checks return
/// only their findings, so a plugin that timed out or crashed reports it
/// here; `Engine.suggest` binds one log per message (a task-local value,
/// which synchronous code on the same thread sees too) and puts what it
/// collected in `Suggestion.pluginsSkipped`.
package final class SkippedPluginLog: @unchecked Sendable {
    // Unchecked: every access goes through `lock`.
    @TaskLocal package static var current: SkippedPluginLog?

    private let lock = NSLock()
    private var entries: [SkippedPlugin] = []
    private var pluginDeadline: Double?

    package init() {}

    package func record(_ new: [SkippedPlugin]) {
        guard !new.isEmpty else { return }
        lock.withLock { entries += new }
    }

    /// Plugins already failed or unavailable for this message, not to be
    /// asked again within it (an error answer, or a check that blocked
    /// everything, is the plugin working: it is asked the next thing).
    package var unavailableIDs: Set<String> {
        lock.withLock { Set(entries.filter { $0.reason != "plugin_error" && $0.reason != "blocked_every_draft" }.map(\.id)) }
    }

    /// The one deadline every external plugin request of this message
    /// shares: set by the first request (to `proposed`), kept by the rest, so
    /// a message waits at most one deadline whatever hangs where.
    package func sharedDeadline(proposing proposed: Double) -> Double {
        lock.withLock {
            if pluginDeadline == nil { pluginDeadline = proposed }
            return pluginDeadline!
        }
    }

    /// One entry per plugin: the first reason it was skipped for.
    package var skipped: [SkippedPlugin] {
        lock.withLock {
            var seen: Set<String> = []
            return entries.filter { seen.insert($0.id).inserted }
        }
    }
}
