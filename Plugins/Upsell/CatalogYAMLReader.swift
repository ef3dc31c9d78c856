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
///
/// The shop facts file (`ShopFactsReader`) holds the same products, which
/// may also give variants, specs, a price floor and a size chart.
enum CatalogYAMLReader {
    static func read(_ text: String, file: String) throws -> Catalog {
        let nodes = FactsNodes(file: file)
        let root = try nodes.root(text)
        guard case .mapping(let map)? = root, let list = map["products"] else {
            throw nodes.fail(root, "a catalogue needs products: [...]")
        }
        return try catalog(list, currency: map["currency"]?.string ?? "¥", nodes: nodes, strict: false)
    }

    /// The products of `list`; `strict` (the facts file) also refuses unknown keys.
    static func catalog(_ list: Node, currency: String, nodes: FactsNodes, strict: Bool) throws -> Catalog {
        guard case .sequence(let entries) = list else { throw nodes.fail(list, "products must be a list") }
        return try Catalog(products: entries.map { try product($0, nodes: nodes, strict: strict) }, currency: currency, file: nodes.file)
    }

    static let productKeys: Set<String> = [
        "sku", "name", "aliases", "price", "tags", "bundle", "bundle_discount", "stock",
        "variants", "price_floor", "specs", "size_chart", "restock",
    ]

    static func product(_ entry: Node, nodes: FactsNodes, strict: Bool) throws -> CatalogProduct {
        func fail(_ node: Node?, _ message: String) -> Diagnostic { nodes.fail(node, message) }
        guard case .mapping(var f) = entry else { throw fail(entry, "a product must be a mapping with sku, name, price, stock") }
        if strict { f = try nodes.mapping(entry, "a product", known: productKeys) }
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
        guard let price = Double(priceNode.string ?? ""), price >= 0 else {
            throw fail(priceNode, "price of \(sku) must be a number, found '\(priceNode.string ?? "")'")
        }
        var variants: [ProductVariant] = []
        if let v = f["variants"] { variants = try Self.variants(v, sku: sku, nodes: nodes) }
        var stock = 0
        if let s = f["stock"] {
            guard let n = Int(s.string ?? ""), n >= 0 else {
                throw fail(s, "stock of \(sku) must be a whole number, found '\(s.string ?? "")'")
            }
            stock = n
        } else if !variants.isEmpty {
            stock = variants.reduce(0) { $0 + $1.stock }
        } else {
            throw fail(entry, "product \(sku) needs stock (0 when sold out)")
        }
        var discount = 10.0
        if let d = f["bundle_discount"] {
            guard let x = Double(d.string ?? ""), (0..<100).contains(x) else {
                throw fail(d, "bundle_discount of \(sku) must be a percentage 0-99")
            }
            discount = x
        }
        func strings(_ key: String) throws -> [String] {
            guard let n = f[key] else { return [] }
            if case .sequence(let items) = n { return items.compactMap(\.string) }
            if let one = n.string { return [one] }
            throw fail(n, "\(key) of \(sku) must be a list")
        }
        var product = CatalogProduct(
            sku: sku, nameChinese: zh, nameEnglish: en, aliases: try strings("aliases"), price: price, tags: try strings("tags"),
            bundle: try strings("bundle"), bundleDiscount: discount, stock: stock)
        product.variants = variants
        if let p = f["price_floor"] {
            let floor = try nodes.number(p, "price_floor of \(sku)")
            guard floor <= price else {
                throw fail(p, "price_floor of \(sku) (\(UpsellWording.price(floor))) is above its price (\(UpsellWording.price(price)))")
            }
            product.priceFloor = floor
        }
        if let s = f["specs"] {
            guard case .mapping(let specs) = s else {
                throw fail(s, "specs of \(sku) must be a mapping, e.g. {material: 纯棉, capacity: 350ml}")
            }
            product.specs = try specs.map { key, value in
                guard let k = key.string, !k.isEmpty else { throw fail(key, "a spec of \(sku) needs a name") }
                return ProductSpec(key: k, value: try nodes.text(value, "spec \(k) of \(sku)"))
            }
        }
        if let c = f["size_chart"] { product.sizeChart = try ShopFactsReader.sizeChart(c, nodes: nodes) }
        if let r = f["restock"] { product.restock = try nodes.text(r, "restock of \(sku)") }
        return product
    }

    static let variantKeys: Set<String> = ["color", "size", "stock", "restock"]

    /// `variants: [{color: [深蓝, navy], size: L, stock: 0, restock: 下周三}]`
    static func variants(_ node: Node, sku: String, nodes: FactsNodes) throws -> [ProductVariant] {
        guard case .sequence(let entries) = node else { throw nodes.fail(node, "variants of \(sku) must be a list") }
        var seen: Set<String> = []
        return try entries.map { entry in
            let f = try nodes.mapping(entry, "a variant of \(sku)", known: variantKeys)
            let colors = try f["color"].map { try nodes.strings($0, "color of a variant of \(sku)") } ?? []
            let size = f["size"]?.string
            guard !colors.isEmpty || size != nil else { throw nodes.fail(entry, "a variant of \(sku) needs a color or a size") }
            guard let s = f["stock"] else { throw nodes.fail(entry, "a variant of \(sku) needs stock (0 when sold out)") }
            let key = (colors.first ?? "").lowercased() + "/" + (size ?? "").lowercased()
            guard seen.insert(key).inserted else {
                throw nodes.fail(entry, "variant \(colors.first ?? "") \(size ?? "") of \(sku) appears twice")
            }
            return ProductVariant(
                colors: colors, size: size, stock: try nodes.whole(s, "stock of a variant of \(sku)"),
                restock: try f["restock"].map { try nodes.text($0, "restock of a variant of \(sku)") })
        }
    }
}
