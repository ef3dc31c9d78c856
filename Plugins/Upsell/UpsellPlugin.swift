import Foundation
import KefuCore

/// Upsell bundles as a code plugin. The catalogue is `plugins.upsell.catalog`
/// (relative to the config folder), else `catalog.yaml` or `catalog.csv` in
/// the config folder; without one the plugin loads and offers nothing.
public struct UpsellPlugin: CodePlugin {
    public init() {}

    public let declaration = PluginDeclaration(
        id: "upsell", version: "1.0.0",
        summary: "bundle suggestions from the shop's catalogue (catalog.yaml / .csv), never out-of-stock items",
        provides: [.draftProvider],
        configurationKeys: [PluginConfigurationKey("catalog", .path, "catalogue file, .yaml or .csv (default catalog.yaml in the config folder)")])

    public func load(_ settings: PluginSettings) throws -> PluginParts {
        let path: String
        if let p = settings.path("catalog") {
            guard FileManager.default.fileExists(atPath: p) else {
                throw PluginSettingError(location: settings["catalog"]!.location, message: "catalogue \(p) does not exist")
            }
            path = p
        } else if let found = ["catalog.yaml", "catalog.yml", "catalog.csv"].map({ settings.folder + "/" + $0 }).first(where: FileManager.default.fileExists) {
            path = found
        } else {
            return PluginParts()
        }
        return PluginParts(providers: [UpsellProvider(catalog: try Self.catalog(at: path))])
    }

    static func catalog(at path: String) throws -> Catalog {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CatalogError(location: SourceLocation(file: path, line: 1, column: 1), message: "cannot read the catalogue (missing or not UTF-8)")
        }
        return path.lowercased().hasSuffix(".csv") ? try CatalogCSVReader.read(text, file: path) : try CatalogYAMLReader.read(text, file: path)
    }
}
