import Foundation
import KefuTestSupport
import Testing

/// The shop facts file through the real binary: size advice, region rules and
/// stock answers in `kefu suggest`, the checking forms without the file, and
/// the example `kefu config init` writes.
@Suite struct ShopFactsCLITests {
    let sandbox: Sandbox
    static let example = Checkout.url("docs/examples/shop.yaml")

    init() throws { sandbox = try Sandbox() }

    var folder: URL { sandbox.configHome.appendingPathComponent("kefu") }

    func installExample() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.example, to: folder.appendingPathComponent("shop.yaml"))
    }

    /// The drafts of one message, as (snippet, text), best first.
    func drafts(_ message: String) throws -> [(snippet: String, text: String)] {
        let r = try Kefu.run(["suggest", "--no-user-packs", "--format", "jsonl", "--top", "3"], stdin: message + "\n", in: sandbox)
        #expect(r.status == 0, "\(r.err)")
        let object = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        return (object?["drafts"] as? [[String: Any]] ?? []).map { ($0["snippet"] as? String ?? "", $0["text"] as? String ?? "") }
    }

    @Test func sizeAdviceRegionRulesAndStockFromTheFile() throws {
        try installExample()
        let size = try drafts("我178 70公斤穿哪个码")
        #expect(size.first?.text.contains("建议您选 XL") == true, "\(size)")
        let english = try drafts("180cm 75kg")
        #expect(english.first?.text.contains("I'd suggest size XL") == true, "\(english)")

        let hokkaido = try drafts("do you ship to Hokkaido?")
        #expect(hokkaido.first?.snippet == "logistics.region-excluded", "\(hokkaido)")
        #expect(hokkaido.first?.text.contains("can't ship to Hokkaido") == true)
        let tibet = try drafts("西藏能发吗")
        #expect(tibet.first?.text == "亲，西藏可以发货的，不过需要另补运费¥15哦～有其他问题随时找我！", "\(tibet)")

        // Navy L is sold out: no draft says it is in stock; the restock date leads.
        let navyL = try drafts("深蓝L有货吗")
        #expect(!navyL.contains { $0.snippet == "product-info.stock" || $0.text.contains("有货") }, "\(navyL)")
        #expect(navyL.first?.text.contains("预计下周三补货") == true, "\(navyL)")
        let navyM = try drafts("T恤深蓝M有货吗")
        #expect(navyM.first?.text == "亲，这款深蓝M目前有货（库存 12 件），喜欢的话可以放心拍～", "\(navyM)")
        let hant = try drafts("這件T恤深藍M還有貨嗎")
        #expect(hant.first?.text.contains("庫存 12 件") == true, "\(hant)")
    }

    @Test func withoutTheFileTheCheckingForms() throws {
        let navyL = try drafts("深蓝L有货吗")
        #expect(!navyL.contains { $0.snippet == "product-info.stock" || $0.snippet == "product-info.restock-date" }, "\(navyL)")
        #expect(navyL.contains { $0.text.contains("查一下") && $0.text.contains("库存") }, "\(navyL)")
        let tibet = try drafts("西藏能发吗")
        #expect(!tibet.contains { $0.snippet.hasPrefix("logistics.region-") }, "\(tibet)")
        let size = try drafts("我178 70公斤穿哪个码")
        #expect(!size.contains { $0.text.contains("建议您选") }, "\(size)")
    }

    @Test func aBrokenFactsFileIsReportedAtItsPlace() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "returns:\n  days: a week\n".write(to: folder.appendingPathComponent("shop.yaml"), atomically: true, encoding: .utf8)
        let r = try Kefu.run(["suggest", "--no-user-packs"], stdin: "西藏能发吗\n", in: sandbox)
        #expect(r.status == 0, "the rest of kefu keeps working")
        #expect(r.err.contains("shop.yaml:2:9: error: returns.days must be a whole number, found 'a week'"), "\(r.err)")
    }

    @Test func configInitWritesTheExampleBesideConfig() throws {
        let r = try Kefu.run(["config", "init"], in: sandbox)
        #expect(r.status == 0, "\(r.err)")
        let written = try String(contentsOf: folder.appendingPathComponent("shop.example.yaml"), encoding: .utf8)
        #expect(written == (try String(contentsOf: Self.example, encoding: .utf8)), "config init writes docs/examples/shop.yaml")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("shop.yaml").path), "example stock is never live")
        // Renamed, it is the shop's facts.
        try FileManager.default.moveItem(
            at: folder.appendingPathComponent("shop.example.yaml"), to: folder.appendingPathComponent("shop.yaml"))
        #expect(try drafts("西藏能发吗").first?.snippet == "logistics.region-surcharge")
    }

    @Test func configPointsAtAnotherFile() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.example, to: folder.appendingPathComponent("my-shop.yaml"))
        try "plugins:\n  upsell: {facts: my-shop.yaml}\n".write(
            to: folder.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        #expect(try drafts("能货到付款吗").first?.snippet == "cod.unavailable")
    }

    /// A named pipe where shop.yaml belongs is reported at its path, and the
    /// answer comes without the facts (no read that blocks forever).
    @Test func aFIFOInPlaceOfTheFactsFileIsReportedNotWaitedOn() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("shop.yaml").path
        #expect(mkfifo(path, 0o600) == 0)
        let r = try Kefu.run(["suggest", "--no-user-packs", "--format", "jsonl"], stdin: "这个有货吗\n", in: sandbox)
        #expect(!r.timedOut)
        #expect(r.err.contains(path) && r.err.contains("the facts file is a named pipe (FIFO), not a file"), "\(r.err)")
        #expect(r.out.contains("\"intent\":\"product_info\""), "the rest still answers: \(r.out)")
    }
}
