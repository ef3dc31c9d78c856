import Foundation
import KefuCore
import Yams

/// The external-plugin keys of `$XDG_CONFIG_HOME/kefu/config.yaml`, read on
/// their own so the rest of the configuration code stays as it is:
///
/// ```yaml
/// external_plugins:
///   - command: [python3, plugins/kefu-plugin-preorder.py]   # relative to this file's folder
///     id: preorder                                          # optional
///     config: {restock_days: "5"}                           # sent in hello
/// plugin_deadline_ms: 200
/// ```
///
/// `disabled_plugins:` (any kind of plugin) is read once, with the rest of
/// the configuration, and handed to the host.
package struct ExternalPluginConfiguration: Sendable {
    package var plugins: [ExternalPluginDiscovery.ConfiguredPlugin] = []
    package var deadlineMilliseconds: Int?
    /// Problems, as `file:line:col: error: ...`; the rest of the file still counts.
    package var problems: [String] = []

    package init() {}

    package static func parse(_ text: String, file: String) -> ExternalPluginConfiguration {
        // Syntax errors are reported by config.yaml's own reader; not twice.
        parse(GuardedYAML.compose(text, file: file, duplicateKeys: .keepFirst).root, file: file)
    }

    /// Reads the keys from config.yaml as the configuration reader composed it
    /// (the file is read once per run, so every part sees the same version).
    package static func parse(_ root: Node?, file: String) -> ExternalPluginConfiguration {
        var result = ExternalPluginConfiguration()
        func problem(_ node: Node?, _ message: String) {
            let mark = node?.mark
            result.problems.append("\(file):\(mark?.line ?? 1):\(mark?.column ?? 1): error: \(message)")
        }
        guard case .mapping(let map)? = root else { return result }
        if let deadline = map["plugin_deadline_ms"] {
            if let ms = deadline.int, ms >= 10, ms <= 10_000 {
                result.deadlineMilliseconds = ms
            } else {
                problem(deadline, "plugin_deadline_ms must be a whole number of milliseconds between 10 and 10000")
            }
        }
        guard let list = map["external_plugins"] else { return result }
        guard case .sequence(let entries) = list else {
            problem(list, "external_plugins must be a list of {command: [...], id: ..., config: {...}}")
            return result
        }
        for entry in entries {
            guard case .mapping(let fields) = entry else {
                problem(entry, "an external_plugins entry must be a mapping with a command")
                continue
            }
            var command: [String] = []
            switch fields["command"] {
            case .sequence(let parts)?: command = parts.compactMap(\.string)
            case .scalar(let s)?: command = [s.string]  // one word: no shell splitting, ever
            default: break
            }
            guard !command.isEmpty, !command.contains(where: \.isEmpty) else {
                problem(entry, "external_plugins entry needs command: [executable, arguments...]")
                continue
            }
            var config: [String: String] = [:]
            if case .mapping(let c)? = fields["config"] {
                for (k, v) in c { if let key = k.string, let value = v.string { config[key] = value } }
            }
            let id = fields["id"]?.string
            if let id, !WireAnswers.isIdentifier(id) {
                problem(fields["id"], "plugin id '\(id)' may use only letters, digits, '.', '_' and '-'")
                continue
            }
            result.plugins.append(.init(command: command, id: id, config: config))
        }
        return result
    }
}
