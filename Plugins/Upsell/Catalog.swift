import KefuCore

/// The shop's products, indexed at load so that recognising one in a
/// message is one pass over the message.
struct Catalog: Sendable {
    let products: [CatalogProduct]
    let currency: String
    let bySKU: [String: Int]
    /// Names, aliases and skus, folded as messages are, labelled by product index.
    let matcher: ScalarTermMatcher

    init(products: [CatalogProduct], currency: String, file: String) throws {
        self.products = products
        self.currency = currency
        var bySKU: [String: Int] = [:]
        for (i, p) in products.enumerated() {
            if bySKU[p.sku.lowercased()] != nil {
                throw Diagnostic("sku \(p.sku) appears twice", at: SourceLocation(file: file, line: 1, column: 1))
            }
            bySKU[p.sku.lowercased()] = i
        }
        for p in products {
            for partner in p.bundle where bySKU[partner.lowercased()] == nil {
                throw Diagnostic("bundle of \(p.sku) names unknown sku \(partner)", at: SourceLocation(file: file, line: 1, column: 1))
            }
        }
        self.bySKU = bySKU
        let normalizer = TextNormalizer()
        var terms: [(String, String)] = []
        for (i, p) in products.enumerated() {
            for name in [p.sku, p.nameChinese, p.nameEnglish] + p.aliases where name.count >= 2 {
                terms.append((normalizer.fold(name), String(i)))
            }
        }
        self.matcher = ScalarTermMatcher(terms)
    }

    /// The first product the message or the session names.
    func product(in folded: String, values: [String: String]) -> CatalogProduct? {
        for key in ["sku", "product"] {
            if let v = values[key]?.lowercased(), let i = bySKU[v] { return products[i] }
        }
        if let m = matcher.matches(in: folded).first, let i = Int(m.label) { return products[i] }
        return nil
    }

    func partners(of p: CatalogProduct) -> [CatalogProduct] {
        p.bundle.compactMap { bySKU[$0.lowercased()].map { products[$0] } }.filter(\.inStock)
    }
}
