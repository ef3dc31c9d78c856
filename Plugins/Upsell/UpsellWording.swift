import Foundation
import KefuCore

/// The bundle draft in Simplified Chinese and English; Traditional is
/// converted from Simplified by the core's converter.
enum UpsellWording {
    static func bundle(
        product: CatalogProduct, partners: [CatalogProduct], total: Double, bundle: Double, currency: String, language: Language
    ) -> String {
        let english = language == .english
        let names = partners.map { $0.name(english: english) }
        if english {
            let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
            return
                "Good choice! The \(product.name(english: true)) goes well with the \(list): together they're \(currency)\(price(bundle)) instead of \(currency)\(price(total)). Shall I add them to your order?"
        }
        let s =
            "亲，这款\(product.name(english: false))搭配\(names.joined(separator: "、"))一起买更划算：套装价\(currency)\(price(bundle))（单买合计\(currency)\(price(total))），需要的话我帮您一起备注哦～"
        return language == .traditionalChinese ? ChineseConverter.shared.convert(s, .toTraditional) : s
    }

    /// 39 → "39", 35.1 → "35.10".
    static func price(_ x: Double) -> String {
        let cents = Int((x * 100).rounded())
        return cents % 100 == 0 ? String(cents / 100) : "\(cents / 100).\(String(format: "%02d", cents % 100))"
    }
}
