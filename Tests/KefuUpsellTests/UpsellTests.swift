import Foundation
import KefuCore
import KefuTestSupport
import Testing

@testable import KefuUpsell

@Suite struct UpsellTests {
    /// The shipped example catalogue is the fixture.
    static let example = Checkout.path("docs/examples/catalog.yaml")

    func provider(_ path: String = example) throws -> any DraftProvider {
        try UpsellPlugin().load(
            PluginSettings(values: ["catalog": .init(text: path, location: SourceLocation(file: "config.yaml", line: 3, column: 14))])
        ).providers[0]
    }

    func context(_ text: String, intent: String = "product_info", values: [String: String] = [:]) -> DraftContext {
        let t = TextNormalizer().normalize(text)
        return DraftContext(
            text: t, language: t.language, intents: [DetectedIntent(intent: intent, confidence: 0.9, evidence: [])], entities: [],
            values: values, tone: .calm)
    }

    @Test func bundleInTheBuyersLanguage() throws {
        let p = try provider()
        let zh = p.contribute(context("这个马克杯有蓝色吗"))
        #expect(zh.drafts.first?.text == "亲，这款陶瓷马克杯搭配软木杯垫一起买更划算：套装价¥45.90（单买合计¥51），需要的话我帮您一起备注哦～")
        let hant = p.contribute(context("這個馬克杯有藍色嗎"))
        #expect(hant.drafts.first?.text.hasPrefix("親，這款陶瓷馬克杯搭配軟木杯墊") == true)
        let en = p.contribute(context("Does the mug come in blue?"))
        #expect(
            en.drafts.first?.text.contains("ceramic mug goes well with the cork coaster: together they're ¥45.90 instead of ¥51") == true)
    }

    @Test func neverOutOfStock() throws {
        let p = try provider()
        // SPOON-01 is sold out: the mug's bundle leaves it out, and the spoon itself gets no bundle.
        #expect(p.contribute(context("mug please")).drafts.first?.text.contains("spoon") == false)
        #expect(p.contribute(context("勺子还有吗")).isEmpty)
    }

    @Test func recognisedBySKUAndSessionVariable() throws {
        let p = try provider()
        #expect(p.contribute(context("TEE-01 有XL吗")).drafts.first?.text.contains("棉袜三双装") == true)
        #expect(p.contribute(context("有XL吗", values: ["sku": "tee-01"])).drafts.first?.text.contains("套装价¥91.80") == true)
        #expect(p.contribute(context("便宜点", intent: "bargain", values: ["product": "MUG-01"])).drafts.count == 1)
    }

    @Test func nothingWithoutAProductOrTheRightIntent() throws {
        let p = try provider()
        #expect(p.contribute(context("有XL吗")).isEmpty)
        #expect(p.contribute(context("马克杯碎了", intent: "item_problem")).isEmpty)
    }

    @Test func csvCatalogue() throws {
        let csv =
            "sku,name,name_en,aliases,price,bundle,stock\nA1,保温杯,thermos,水杯|cup,99,B1|C1,5\nB1,杯套,cup sleeve,,19.5,,10\nC1,杯刷,brush,,9,,0\n"
        let c = try CatalogCSVReader.read(csv, file: "catalog.csv")
        let p = UpsellProvider(catalog: c)
        #expect(p.contribute(context("保温杯多少钱")).drafts.first?.text == "亲，这款保温杯搭配杯套一起买更划算：套装价¥106.65（单买合计¥118.50），需要的话我帮您一起备注哦～")
    }

    @Test func badCataloguesNameTheirPlace() {
        func error(_ body: () throws -> Catalog) -> String {
            do { _ = try body(); return "" } catch { return "\(error)" }
        }
        #expect(
            error { try CatalogYAMLReader.read("products:\n  - sku: A\n    name: x\n    price: cheap\n    stock: 1\n", file: "c.yaml") }
                == "c.yaml:4:12: error: price of A must be a number, found 'cheap'")
        #expect(
            error { try CatalogYAMLReader.read("products:\n  - sku: A\n    name: x\n    price: 1\n", file: "c.yaml") }.hasPrefix(
                "c.yaml:2:5: error: product A needs stock"))
        #expect(
            error { try CatalogCSVReader.read("sku,name,price,stock\nA,x,1,many\n", file: "c.csv") }
                == "c.csv:2:7: error: stock of A must be a whole number, found 'many'")
        #expect(
            error { try CatalogYAMLReader.read("products:\n  - {sku: A, name: x, price: 1, stock: 1, bundle: [Z]}\n", file: "c.yaml") }
                .contains("unknown sku Z"))
        #expect(throws: Diagnostic.self) { try provider("/nonexistent/catalog.yaml") }
    }
}
