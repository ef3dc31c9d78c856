import Foundation
import KefuCore

/// Upsell bundles and the shop's facts as a code plugin.
///
/// The facts file (docs/shop-facts.md) is `plugins.upsell.facts` (relative
/// to the config folder), else `shop.yaml` in the config folder: its products
/// are the catalogue, and its stock, size chart, regions, return window and
/// payment options fill the packs' templates. Without one, the catalogue is
/// `plugins.upsell.catalog`, else `catalog.yaml` or `catalog.csv` in the
/// config folder, and offers bundles only; with neither the plugin loads and
/// offers nothing.
package struct UpsellPlugin: CodePlugin {
    package init() {}

    package let declaration = PluginDeclaration(
        id: "upsell", version: "1.1.0",
        summary:
            "shop facts (shop.yaml: stock, size chart, shipping regions, returns, payment) and bundle suggestions from the catalogue, never out-of-stock items",
        provides: [.draftProvider],
        configurationKeys: [
            PluginConfigurationKey("facts", .path, "shop facts file (default shop.yaml in the config folder)"),
            PluginConfigurationKey(
                "catalog", .path, "catalogue file, .yaml or .csv, when there is no facts file (default catalog.yaml in the config folder)"),
        ])

    /// The facts file a shop writes by default, next to config.yaml.
    package static let factsFileName = "shop.yaml"

    package func load(_ settings: PluginSettings) throws -> PluginParts {
        if let path = try Self.existing(settings, key: "facts", defaults: [Self.factsFileName, "shop.yml"], what: "facts file") {
            let facts = try Self.facts(at: path)
            return PluginParts(providers: [UpsellProvider(catalog: facts.catalog), ShopFactsProvider(facts: facts)])
        }
        guard
            let path = try Self.existing(
                settings, key: "catalog", defaults: ["catalog.yaml", "catalog.yml", "catalog.csv"], what: "catalogue")
        else {
            return PluginParts()
        }
        return PluginParts(providers: [UpsellProvider(catalog: try Self.catalog(at: path))])
    }

    /// The configured file (which must exist), else the first default found in the config folder.
    static func existing(_ settings: PluginSettings, key: String, defaults: [String], what: String) throws -> String? {
        if let p = settings.path(key) {
            guard FileManager.default.fileExists(atPath: p) else {
                throw Diagnostic("\(what) \(p) does not exist", at: settings[key]!.location)
            }
            return p
        }
        return defaults.map { settings.folder + "/" + $0 }.first(where: FileManager.default.fileExists)
    }

    /// Read as packs are (`UserTextFile`): a FIFO, a folder or a file over
    /// the size limit is an error at its place, never a read that blocks.
    static func text(at path: String, _ what: String) throws -> String {
        switch UserTextFile.load(path) {
        case .text(let text): return text
        case .missing:
            throw Diagnostic("cannot read the \(what): it is missing", at: SourceLocation(file: path, line: 1, column: 1))
        case .problem(let message, let line, let column):
            let said = message.hasPrefix("is ") ? "the \(what) \(message)" : "\(what): \(message)"
            throw Diagnostic(said, at: SourceLocation(file: path, line: line, column: column))
        }
    }

    static func facts(at path: String) throws -> ShopFacts {
        try ShopFactsReader.read(try text(at: path, "facts file"), file: path)
    }

    static func catalog(at path: String) throws -> Catalog {
        let text = try text(at: path, "catalogue")
        return path.lowercased().hasSuffix(".csv")
            ? try CatalogCSVReader.read(text, file: path) : try CatalogYAMLReader.read(text, file: path)
    }
}
