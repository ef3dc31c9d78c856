import Foundation
import KefuCore
import Yams

/// `$XDG_CONFIG_HOME/kefu/config.yaml`: the shop's own values. Only the keys
/// the engine uses today are read here: `shop`, `agent`, `ship_date`, and any
/// other template variable under `variables:`.
struct Configuration {
    var variables: [String: String] = [:]

    static var path: String { Paths.configHome + "/kefu/config.yaml" }

    static func load(reportingTo errors: StandardError) -> Configuration {
        var config = Configuration()
        guard let data = FileManager.default.contents(atPath: path) else { return config }
        guard let text = String(data: data, encoding: .utf8) else {
            errors.write("\(path):1:1: error: not valid UTF-8; using defaults\n")
            return config
        }
        do {
            guard case .mapping(let map)? = try Yams.compose(yaml: text, .basic) else { return config }
            for (k, v) in map {
                guard let key = k.string else { continue }
                switch key {
                case "shop", "agent", "ship_date":
                    if let s = v.string { config.variables[key] = s }
                case "variables":
                    if case .mapping(let vars) = v {
                        for (vk, vv) in vars { if let a = vk.string, let b = vv.string { config.variables[a] = b } }
                    }
                default: break
                }
            }
        } catch let e as YamlError {
            let d = PackParser.diagnostic(for: e, file: path)
            errors.write("\(d); using defaults\n")
        } catch {
            errors.write("\(path):1:1: error: \(error); using defaults\n")
        }
        return config
    }
}
