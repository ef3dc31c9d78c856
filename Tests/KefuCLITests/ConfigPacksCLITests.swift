import Foundation
import KefuTestSupport
import Testing

/// config.yaml `packs:` and `disabled_packs:` reach every command, as they
/// reach the REPL: a script gets the drafts an agent gets.
@Suite struct ConfigPacksCLITests {
    let sandbox: Sandbox

    init() throws {
        sandbox = try Sandbox()
        try sandbox.writeConfig(TestPacks.parcel, to: "shop-packs/parcel.yaml")
    }

    func config(_ yaml: String) throws {
        try sandbox.writeConfig(yaml)
    }

    func intents(_ r: KefuResult) throws -> [String] {
        let record = try #require(try JSONSerialization.jsonObject(with: Data(r.lines[0].utf8)) as? [String: Any])
        return (record["intents"] as? [[String: Any]] ?? []).compactMap { $0["intent"] as? String }
    }

    @Test func suggestLoadsConfigPacksAndLeavesDisabledOnesOut() throws {
        try config("shop: 小店\npacks: [shop-packs]\ndisabled_packs: [builtin.logistics]\n")
        let r = try Kefu.run(["suggest", "--format", "jsonl"], stdin: "where is my parcel\n", in: sandbox)
        #expect(r.status == 0, "\(r.err)")
        let found = try intents(r)
        #expect(found.contains("t.parcel"), "the pack named by packs: is loaded: \(found)")
        #expect(!found.contains("logistics"), "the built-in logistics pack is disabled: \(found)")
    }

    @Test func withoutTheConfigTheBuiltInPackAnswers() throws {
        let r = try Kefu.run(["suggest", "--format", "jsonl"], stdin: "where is my parcel\n", in: sandbox)
        #expect(r.status == 0, "\(r.err)")
        let found = try intents(r)
        #expect(found.contains("logistics") && !found.contains("t.parcel"), "\(found)")
    }

    @Test func noUserPacksIgnoresWhatTheConfigSaysAboutPacks() throws {
        try config("packs: [shop-packs]\ndisabled_packs: [builtin.logistics]\n")
        let r = try Kefu.run(["suggest", "--format", "jsonl", "--no-user-packs"], stdin: "where is my parcel\n", in: sandbox)
        let found = try intents(r)
        #expect(found.contains("logistics") && !found.contains("t.parcel"), "\(found)")
    }

    @Test func listAndTestSeeTheSamePacks() throws {
        try config("packs: [shop-packs]\ndisabled_packs: [builtin.invoice]\n")
        let list = try Kefu.run(["plugins", "list"], in: sandbox)
        #expect(list.cells.contains("t.clitest 1.0.0 loaded [user]"), "\(list.out)")
        #expect(!list.out.contains("builtin.invoice"), "\(list.out)")
        let test = try Kefu.run(["test"], in: sandbox)
        #expect(test.out.contains("t.parcel"), "\(test.out)")
        #expect(!test.out.contains("\ninvoice "), "\(test.out)")
    }

    @Test func aMissingConfigPackIsNamed() throws {
        try config("packs: [no-such-folder]\n")
        let r = try Kefu.run(["suggest", "--format", "jsonl"], stdin: "hi\n", in: sandbox)
        #expect(r.status == 0)
        #expect(r.err.contains("no-such-folder"), "\(r.err)")
        #expect(r.lines.count == 1)
    }
}
