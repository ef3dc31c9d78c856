import Foundation
import KefuCore
import Yams

/// The code-plugin keys of `$XDG_CONFIG_HOME/kefu/config.yaml`, read on their
/// own (like the external plugins' keys) so the rest of the configuration
/// code stays as it is:
///
/// ```yaml
/// plugins:
///   logistics: {dispatch_cutoff: "16:00"}
///   compliance: {refund_days: 7, free_return: true}
/// ```
///
/// Each plugin's settings are checked against the keys it declares; a bad
/// value is reported as `file:line:col` and that plugin is reported failed.
struct CodePluginConfiguration {
    var settings: [String: PluginSettings] = [:]
    /// Plugins whose settings are wrong, with the first problem.
    var invalid: [String: String] = [:]
    /// Problems that belong to no one plugin (`plugins:` itself).
    var problems: [String] = []

    /// Reads the keys from config.yaml as `Configuration` composed it.
    static func parse(_ root: Node?, file: String, plugins: [any CodePlugin]) -> CodePluginConfiguration {
        var result = CodePluginConfiguration()
        let folder = (file as NSString).deletingLastPathComponent
        func location(_ node: Node) -> SourceLocation {
            SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        }
        func problem(_ node: Node, _ message: String, plugin: String? = nil) {
            let p = Diagnostic(message, at: location(node))
            // A plugin's own problem is reported once, as that plugin's failure.
            if let plugin {
                if result.invalid[plugin] == nil { result.invalid[plugin] = p.description }
            } else {
                result.problems.append(p.description)
            }
        }
        guard case .mapping(let map)? = root else { return result }
        guard let section = map["plugins"] else { return result }
        guard case .mapping(let entries) = section else {
            problem(section, "plugins must map plugin ids to their settings, e.g. plugins: {logistics: {dispatch_cutoff: \"16:00\"}}")
            return result
        }
        let declared = Dictionary(plugins.map { ($0.declaration.id, $0.declaration) }, uniquingKeysWith: { a, _ in a })
        for (k, v) in entries {
            guard let id = k.string else { continue }
            // Settings for a plugin kefu does not know may belong to an
            // external plugin started later: not an error.
            guard let d = declared[id] else { continue }
            guard case .mapping(let fields) = v else {
                problem(v, "settings of plugin \(id) must be a mapping of key: value", plugin: id)
                continue
            }
            var values: [String: PluginSettings.Value] = [:]
            for (fk, fv) in fields {
                guard let key = fk.string else { continue }
                guard let spec = d.configurationKeys.first(where: { $0.name == key }) else {
                    let known = d.configurationKeys.map(\.name).joined(separator: ", ")
                    problem(
                        fk, "plugin \(id) has no setting '\(key)'" + (known.isEmpty ? " (it takes none)" : " (known: \(known))"), plugin: id
                    )
                    continue
                }
                guard let text = fv.string else {
                    problem(fv, "\(id).\(key) must be a single value (\(spec.kind.rawValue))", plugin: id)
                    continue
                }
                if let why = PluginSettings.problem(text, for: spec.kind) {
                    problem(fv, "\(id).\(key): \(why)", plugin: id)
                    continue
                }
                values[key] = PluginSettings.Value(text: text, location: location(fv))
            }
            result.settings[id] = PluginSettings(values: values, folder: folder)
        }
        return result
    }
}
