import Foundation
import KefuCore
import Yams

/// Reads `catalog.yaml`:
///
/// ```yaml
/// currency: "¥"
/// products:
///   - sku: MUG-01
///     name: {zh-Hans: 陶瓷马克杯, en: ceramic mug}
///     aliases: [马克杯, mug]
///     price: 39
///     tags: [kitchen]
///     bundle: [COASTER-01]
///     bundle_discount: 10
///     stock: 120
/// ```
enum CatalogYAMLReader {
    static func read(_ text: String, file: String) throws -> Catalog {
        func at(_ node: Node?) -> SourceLocation { SourceLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1) }
        func fail(_ node: Node?, _ message: String) -> CatalogError { CatalogError(location: at(node), message: message) }
        let root: Node?
        do { root = try Yams.compose(yaml: text, .basic) } catch let e as YamlError {
            throw CatalogError(location: SourceLocation(file: file, line: 1, column: 1), message: "\(PackParser.diagnostic(for: e, file: file).message)")
        }
        guard case .mapping(let map)? = root, let list = map["products"] else { throw fail(root, "a catalogue needs products: [...]") }
        guard case .sequence(let entries) = list else { throw fail(list, "products must be a list") }
        var products: [CatalogProduct] = []
        for entry in entries {
            guard case .mapping(let f) = entry else { throw fail(entry, "a product must be a mapping with sku, name, price, stock") }
            guard let sku = f["sku"]?.string, !sku.isEmpty else { throw fail(entry, "product needs a sku") }
            var zh = "", en = ""
            switch f["name"] {
            case .mapping(let names)?:
                zh = names["zh-Hans"]?.string ?? names["zh"]?.string ?? ""
                en = names["en"]?.string ?? ""
            case .scalar(let s)?: zh = s.string; en = s.string
            default: throw fail(f["name"] ?? entry, "product \(sku) needs a name")
            }
            guard let priceNode = f["price"] else { throw fail(entry, "product \(sku) needs a price") }
            guard let price = Double(priceNode.string ?? ""), price >= 0 else { throw fail(priceNode, "price of \(sku) must be a number, found '\(priceNode.string ?? "")'") }
            var stock = 0
            if let s = f["stock"] {
                guard let n = Int(s.string ?? ""), n >= 0 else { throw fail(s, "stock of \(sku) must be a whole number, found '\(s.string ?? "")'") }
                stock = n
            } else { throw fail(entry, "product \(sku) needs stock (0 when sold out)") }
            var discount = 10.0
            if let d = f["bundle_discount"] {
                guard let x = Double(d.string ?? ""), (0..<100).contains(x) else { throw fail(d, "bundle_discount of \(sku) must be a percentage 0-99") }
                discount = x
            }
            func strings(_ key: String) throws -> [String] {
                guard let n = f[key] else { return [] }
                if case .sequence(let items) = n { return items.compactMap(\.string) }
                if let one = n.string { return [one] }
                throw fail(n, "\(key) of \(sku) must be a list")
            }
            products.append(CatalogProduct(
                sku: sku, nameChinese: zh, nameEnglish: en, aliases: try strings("aliases"), price: price, tags: try strings("tags"),
                bundle: try strings("bundle"), bundleDiscount: discount, stock: stock))
        }
        let currency = map["currency"]?.string ?? "¥"
        return try Catalog(products: products, currency: currency, file: file)
    }
}
