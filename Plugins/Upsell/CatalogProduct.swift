import KefuCore

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
    /// The product's own stock, or the sum of its variants' when it has some.
    var stock: Int
    /// Colour and size options with their own stock (the facts file's richer form).
    var variants: [ProductVariant] = []
    /// The lowest price the shop accepts when a buyer bargains.
    var priceFloor: Double? = nil
    /// Material, capacity, dimensions... in the file's order.
    var specs: [ProductSpec] = []
    /// A chart of this product's own; otherwise the shop's applies.
    var sizeChart: SizeChart? = nil
    /// When a sold-out product is back (no variants, or all of them).
    var restock: ShopText? = nil

    var inStock: Bool { stock > 0 }

    func name(english: Bool) -> String {
        english ? (nameEnglish.isEmpty ? nameChinese : nameEnglish) : (nameChinese.isEmpty ? nameEnglish : nameChinese)
    }
}

/// One colour/size option of a product.
struct ProductVariant: Sendable, Hashable {
    /// The names buyers use for the colour (`[深蓝, 藏青, navy]`); empty when
    /// the option has no colour.
    var colors: [String]
    var size: String?
    var stock: Int
    var restock: ShopText?
}

/// One line of a product's specifications (`material: 纯棉`).
struct ProductSpec: Sendable, Hashable {
    /// `material`, `capacity`, `dimensions`, `weight` or the shop's own key.
    var key: String
    var value: ShopText

    /// The key as a draft in `language` labels it.
    func label(_ language: Language) -> String {
        let l = label(language == .english)
        return language == .traditionalChinese ? ChineseConverter.shared.convert(l, .toTraditional) : l
    }

    func label(_ english: Bool) -> String {
        let known: [String: (String, String)] = [
            "material": ("材质", "material"), "capacity": ("容量", "capacity"), "dimensions": ("尺寸", "dimensions"),
            "size": ("尺寸", "size"), "weight": ("重量", "weight"), "power": ("功率", "power"), "origin": ("产地", "made in"),
        ]
        guard let k = known[key.lowercased()] else { return key.replacingOccurrences(of: "_", with: " ") }
        return english ? k.1 : k.0
    }
}
