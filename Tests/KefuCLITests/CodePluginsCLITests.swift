import Foundation
import KefuTestSupport
import Testing

/// Built-in code plugins through the real binary: configuration, --disable,
/// plugins list, warnings in text and JSON, kefu test.
@Suite struct CodePluginsCLITests {
    let sandbox: Sandbox

    init() throws { sandbox = try Sandbox() }

    func config(_ yaml: String) throws { try sandbox.writeConfig(yaml) }

    @Test func pluginsListShowsEveryCodePlugin() throws {
        let r = try Kefu.run(["plugins", "list", "--no-user-packs", "--disable", "tone"], in: sandbox)
        #expect(r.status == 0, "\(r.err)")
        for line in ["tone 1.0.0 disabled", "logistics 1.0.0 loaded", "upsell 1.1.0 loaded", "compliance 1.0.0 loaded"] {
            #expect(r.cells.contains(line), "\(r.out)")
        }
    }

    @Test func badSettingsFailOnlyThatPlugin() throws {
        try config("shop: 小店\nplugins:\n  logistics: {dispatch_cutoff: \"25:00\"}\n  compliance: {refund_days: 7, colour: red}\n")
        let list = try Kefu.run(["plugins", "list", "--no-user-packs"], in: sandbox)
        #expect(list.status == 1)
        #expect(list.cells.contains("logistics 1.0.0 failed"))
        #expect(
            list.out.contains("config.yaml:3:32: error: logistics.dispatch_cutoff: expected a time of day HH:MM, found '25:00'"),
            "\(list.out)")
        #expect(list.out.contains("config.yaml:4:32: error: plugin compliance has no setting 'colour'"), "\(list.out)")
        let r = try Kefu.run(["suggest", "--no-user-packs"], stdin: "在吗\n", in: sandbox)
        #expect(r.status == 0)
        #expect(r.out.contains("小店"))
        #expect(r.err.contains("plugin logistics failed"))
    }

    @Test func warningsInTextAndJSONAndDisable() throws {
        let text = try Kefu.run(["suggest", "--no-user-packs", "--top", "5"], stdin: "在吗\n", in: sandbox)
        #expect(text.out.contains("⚠ compliance:placeholder: fill ⟨shop⟩, ⟨agent⟩ before sending"), "\(text.out)")
        let json = try Kefu.run(["suggest", "--no-user-packs", "--format", "jsonl", "--top", "5"], stdin: "在吗\n", in: sandbox)
        #expect(json.out.contains(#"{"code":"compliance:placeholder","message":"fill ⟨shop⟩, ⟨agent⟩ before sending"}"#), "\(json.out)")
        let off = try Kefu.run(["suggest", "--no-user-packs", "--disable", "compliance"], stdin: "在吗\n", in: sandbox)
        #expect(!off.out.contains("⚠"))
        try config("disabled_plugins: [compliance]\n")
        let configured = try Kefu.run(["suggest", "--no-user-packs"], stdin: "在吗\n", in: sandbox)
        #expect(!configured.out.contains("⚠"))
    }

    @Test func upsellFromTheConfigFoldersCatalogue() throws {
        let example = Checkout.url("docs/examples/catalog.yaml")
        try config("plugins:\n  upsell: {catalog: shop-catalog.yaml}\n")
        try FileManager.default.copyItem(atPath: example.path, toPath: sandbox.configPath("shop-catalog.yaml"))
        let r = try Kefu.run(["suggest", "--no-user-packs", "--top", "5"], stdin: "Does the mug come in blue?\n", in: sandbox)
        #expect(r.out.contains("upsell.bundle"), "\(r.out)\n\(r.err)")
        #expect(r.out.contains("¥45.90"))
        try sandbox.writeConfig("products: [{sku: A, name: x, price: free, stock: 1}]\n", to: "shop-catalog.yaml")
        let broken = try Kefu.run(["suggest", "--no-user-packs"], stdin: "Does the mug come in blue?\n", in: sandbox)
        #expect(broken.status == 0)
        #expect(broken.err.contains("shop-catalog.yaml:1:"), "\(broken.err)")
        #expect(broken.err.contains("price of A must be a number"))
    }

    @Test func kefuTestRunsCodePluginExamples() throws {
        let r = try Kefu.run(["test", "--no-user-packs", "--verbose"], in: sandbox)
        #expect(r.out.contains("plugin:logistics: ok"), "\(r.out)")
        #expect(r.out.contains("plugin:tone: ok"))
    }
}
