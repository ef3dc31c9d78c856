/// One product of the shop's catalogue.
struct CatalogProduct: Sendable, Hashable {
    var sku: String
    /// Simplified Chinese name (Traditional is converted from it).
    var nameChinese: String
    var nameEnglish: String
    /// Other names buyers use (any language).
    var aliases: [String]
    var price: Double
    var tags: [String]
    /// Skus of the items that make a bundle with this one.
    var bundle: [String]
    /// Percent off the bundle's total (default 10).
    var bundleDiscount: Double
    var stock: Int

    var inStock: Bool { stock > 0 }

    func name(english: Bool) -> String { english ? (nameEnglish.isEmpty ? nameChinese : nameEnglish) : (nameChinese.isEmpty ? nameEnglish : nameChinese) }
}
