import Foundation
import KefuCore
import KefuTestSupport
import Testing

@testable import KefuUpsell

/// The shop facts file: the shipped example reads whole, and every mistake
/// is reported at its file:line:col.
@Suite struct ShopFactsReaderTests {
    static let examplePath = Checkout.path("docs/examples/shop.yaml")

    @Test func theShippedExampleReadsWhole() throws {
        let facts = try UpsellPlugin.facts(at: Self.examplePath)
        let tee = try #require(facts.catalog.products.first { $0.sku == "TEE-01" })
        #expect(tee.variants.count == 4)
        #expect(tee.stock == 50, "stock is the sum of the variants'")
        #expect(tee.priceFloor == 69)
        #expect(tee.variants[1].colors == ["深蓝", "藏青", "navy"] && tee.variants[1].size == "L" && tee.variants[1].stock == 0)
        #expect(tee.variants[1].restock?.text(.english) == "next Wednesday")
        #expect(facts.sizeChart?.rows.map(\.size) == ["S", "M", "L", "XL", "XXL"])
        #expect(facts.dispatch == DispatchRules(cutoff: "16:00", days: [1, 2, 3, 4, 5, 6]))
        #expect(facts.shipping?.regions.count == 3)
        #expect(facts.shipping?.regions[1].ships == false)
        #expect(facts.shipping?.regions[0].fee == 15 && facts.shipping?.regions[0].noFreeShipping == true)
        #expect(facts.returnDays == 7)
        #expect(facts.payment == PaymentOptions(cashOnDelivery: false, convenienceStore: true))
        let mug = try #require(facts.catalog.products.first { $0.sku == "MUG-01" })
        #expect(mug.specs.map(\.key) == ["material", "capacity", "dimensions"])
    }

    @Test func theCatalogueFormStillLoads() throws {
        // catalog.yaml is a facts file's products without the rest.
        let catalog = try CatalogYAMLReader.read(
            "products:\n  - {sku: A, name: 杯子, price: 9, stock: 3, stok_typo: 1}\n", file: "catalog.yaml")
        #expect(catalog.products.map(\.sku) == ["A"])
    }

    /// (file text, line, column, words of the message)
    static let broken: [(String, Int, Int, String)] = [
        ("products: [\n  {sku: A\n", 3, 1, "invalid YAML"),
        ("prodcts: []\n", 1, 1, "unknown key 'prodcts'"),
        ("products:\n  - sku: A\n    name: x\n    price: 9\n    stok: 3\n", 5, 5, "unknown key 'stok' in a product"),
        ("products:\n  - sku: A\n    name: x\n    price: 9\n", 2, 5, "product A needs stock"),
        (
            "products:\n  - sku: A\n    name: x\n    price: 9\n    variants:\n      - {color: 红, size: M, stock: many}\n", 6, 36,
            "stock of a variant of A must be a whole number, found 'many'"
        ),
        (
            "products:\n  - sku: A\n    name: x\n    price: 9\n    variants:\n      - {size: M, stock: 1}\n      - {size: M, stock: 2}\n",
            7, 9, "variant  M of A appears twice"
        ),
        (
            "products:\n  - sku: A\n    name: x\n    price: 9\n    stock: 1\n    price_floor: 12\n", 6, 18,
            "price_floor of A (12) is above its price (9)"
        ),
        ("size_chart:\n  - {size: M, height: 170-160}\n", 2, 23, "height (cm) of size M must be a range like 165-172, found '170-160'"),
        ("size_chart:\n  - {size: M}\n", 2, 5, "size M needs a height or a weight range"),
        ("dispatch: {cutoff: \"25:00\"}\n", 1, 20, "dispatch.cutoff must be a time of day HH:MM, found '25:00'"),
        ("dispatch: {days: [mon, funday]}\n", 1, 18, "'funday' is not a weekday"),
        ("shipping:\n  regions:\n    - {name: 偏远, fee: 10}\n", 3, 7, "shipping region needs places"),
        ("shipping:\n  regions:\n    - {name: 海外, places: [Okinawa], ships: false, fee: 5}\n", 3, 56, "has no fee"),
        ("shipping: {fee: cheap}\n", 1, 17, "shipping.fee must be a number, found 'cheap'"),
        ("returns: {days: -3}\n", 1, 17, "returns.days must be a whole number, found '-3'"),
        ("payment: {cod: maybe}\n", 1, 16, "payment.cod must be true or false, found 'maybe'"),
        ("payment: {cash: true}\n", 1, 11, "unknown key 'cash' in payment"),
    ]

    @Test(arguments: broken.indices) func everyMistakeAtItsPlace(_ i: Int) {
        let (text, line, column, message) = Self.broken[i]
        do {
            _ = try ShopFactsReader.read(text, file: "/etc/kefu/shop.yaml")
            Issue.record("no error for case \(i): \(text)")
        } catch let e as Diagnostic {
            #expect(e.location.file == "/etc/kefu/shop.yaml")
            #expect((e.location.line, e.location.column) == (line, column), "\(e)")
            #expect(e.message.contains(message), "\(e)")
            #expect(e.description.hasPrefix("/etc/kefu/shop.yaml:\(line):\(column): error: "))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aConfiguredFactsFileThatIsMissingIsASettingError() {
        let settings = PluginSettings(values: [
            "facts": .init(text: "/nonexistent/shop.yaml", location: SourceLocation(file: "config.yaml", line: 4, column: 12))
        ])
        #expect(throws: Diagnostic.self) { try UpsellPlugin().load(settings) }
    }
}
