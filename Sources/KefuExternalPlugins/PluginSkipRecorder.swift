import Foundation
import KefuCore

/// Collects the skips of one suggestion while the engine runs. The engine's
/// detector and extractor protocols return only their findings, so the
/// adapters report what went missing here; `ExternalPluginStage.suggest`
/// binds one recorder per message (a task-local value, which synchronous code
/// on the same thread sees too).
final class PluginSkipRecorder: @unchecked Sendable {
    @TaskLocal static var current: PluginSkipRecorder?

    private let lock = NSLock()
    private var skips: [PluginSkip] = []

    func record(_ new: [PluginSkip]) {
        guard !new.isEmpty else { return }
        lock.lock(); defer { lock.unlock() }
        skips += new
    }

    /// Plugins that failed or were unavailable for this message (an `error`
    /// answer is the plugin working: it is asked the next thing).
    var skippedIDs: Set<String> {
        lock.lock(); defer { lock.unlock() }
        return Set(skips.filter { $0.reason != .pluginError }.map(\.plugin))
    }

    /// One entry per plugin: the first reason it was skipped for.
    var skipped: [SkippedPlugin] {
        lock.lock(); defer { lock.unlock() }
        var seen: Set<String> = []
        return skips.filter { seen.insert($0.plugin).inserted }
            .map { SkippedPlugin(id: $0.plugin, reason: $0.reason.rawValue, detail: $0.detail) }
    }
}
