import Foundation
import KefuTestSupport
import Testing

/// `kefu learn` through the binary: import, list, forget, export, and the
/// learned examples answering `kefu suggest` (or not, with --no-learned).
@Suite struct LearnCommandTests {
    static let tsv = """
        text\tintents\tmapping
        咕噜咕噜呢\tlogistics\texact
        我的电话13812345678，嘀嗒嘀嗒\trefund_return\texact
        今天天气真好呀\tother\tnone
        不在映射里的\tlogistics\tpartial
        神秘\tmyshop.nothing\texact

        """

    static func intents(_ r: KefuResult) -> [String] {
        r.lines.compactMap { line -> String? in
            guard let d = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            let reported = (d["intents"] as? [[String: Any]])?.compactMap { $0["intent"] as? String } ?? []
            let guessed = (d["guesses"] as? [[String: Any]])?.compactMap { $0["intent"] as? String } ?? []
            return (reported + guessed).first ?? "-"
        }
    }

    @Test func importedHistoryAnswersTheNextMessageAndListsRedacted() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.write("history.tsv", Self.tsv)
        let before = try Kefu.run(["suggest", "--format", "jsonl"], stdin: "咕噜咕噜呢\n", in: sandbox)
        #expect(Self.intents(before) == ["-"])

        let imported = try Kefu.run(["learn", "import", file, "--mapping", "exact"], in: sandbox)
        #expect(imported.status == 0, "\(imported.err)")
        #expect(imported.out.contains("learned 3 new example(s)"), "\(imported.out)")
        #expect(imported.err.contains("unknown intent 'myshop.nothing'"), "\(imported.err)")

        let list = try Kefu.run(["learn", "list", "--format", "tsv"], in: sandbox)
        #expect(list.lines.first == "text\tintents\tid\tvotes\tsource")
        #expect(list.out.contains("咕噜咕噜呢\tlogistics\t1\t3\timport"), "\(list.out)")
        #expect(list.out.contains("⟨phone⟩") && !list.out.contains("13812345678"), "\(list.out)")
        #expect(list.out.contains("今天天气真好呀\tother"))
        #expect(!list.out.contains("不在映射里的"), "--mapping exact keeps exact and none rows")

        let after = try Kefu.run(["suggest", "--format", "jsonl"], stdin: "咕噜咕噜呢\n", in: sandbox)
        #expect(Self.intents(after) == ["logistics"], "\(after.out)")
        let skipped = try Kefu.run(["suggest", "--format", "jsonl", "--no-learned"], stdin: "咕噜咕噜呢\n", in: sandbox)
        #expect(Self.intents(skipped) == ["-"])
        let builtinOnly = try Kefu.run(["suggest", "--format", "jsonl", "--no-user-packs"], stdin: "咕噜咕噜呢\n", in: sandbox)
        #expect(Self.intents(builtinOnly) == ["-"])
        // Loaded by kefu test, never tested as if someone wrote them.
        let test = try Kefu.run(["test"], in: sandbox)
        #expect(test.status == 0, "\(test.out)")
    }

    @Test func forgetRemovesAndUnknownIDsFail() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.write("history.tsv", Self.tsv)
        _ = try Kefu.run(["learn", "import", file], in: sandbox)
        let forget = try Kefu.run(["learn", "forget", "1"], in: sandbox)
        #expect(forget.status == 0 && forget.out.contains("forgot 1 logistics “咕噜咕噜呢”"), "\(forget.out)\(forget.err)")
        let answer = try Kefu.run(["suggest", "--format", "jsonl"], stdin: "咕噜咕噜呢\n", in: sandbox)
        #expect(Self.intents(answer) == ["-"])
        let unknown = try Kefu.run(["learn", "forget", "1", "77"], in: sandbox)
        #expect(unknown.status == 1 && unknown.err.contains("no learned example with id 1, 77"), "\(unknown.err)")
        let list = try Kefu.run(["learn", "list"], in: sandbox)
        #expect(!list.out.contains("咕噜咕噜呢") && list.out.contains("waiting for review"), "\(list.out)")
    }

    @Test func exportWritesAPackThatKefuTestPasses() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.write("history.tsv", "text\tintents\n我的快递到哪里了呀亲\tlogistics\n咕噜咕噜呢\tlogistics\n")
        _ = try Kefu.run(["learn", "import", file], in: sandbox)
        let pack = sandbox.root.appendingPathComponent("team/learned.yaml").path
        try FileManager.default.createDirectory(atPath: (pack as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let export = try Kefu.run(["learn", "export", "--pack", pack, "--id", "myshop.learned"], in: sandbox)
        #expect(export.status == 0, "\(export.err)")
        let yaml = try String(contentsOfFile: pack, encoding: .utf8)
        #expect(yaml.contains("id: myshop.learned") && yaml.contains("extends: true"), "\(yaml)")
        #expect(yaml.contains("- \"我的快递到哪里了呀亲\""), "recognised held out: an example\n\(yaml)")
        #expect(yaml.contains("# - \"咕噜咕噜呢\""), "not recognised held out: a comment\n\(yaml)")
        let test = try Kefu.run(["test", pack, "--no-user-packs"], in: sandbox)
        #expect(test.status == 0, "\(test.out)")
        #expect(test.out.contains("1 passed, 0 failed"), "\(test.out)")
        let validate = try Kefu.run(["plugins", "validate", pack], in: sandbox)
        #expect(validate.status == 0, "\(validate.out)\(validate.err)")
    }

    @Test func usageOffIsAConfigurationKey() throws {
        let sandbox = try Sandbox()
        try sandbox.writeConfig("usage: off\n")
        let show = try Kefu.run(["config", "show"], in: sandbox)
        #expect(show.status == 0 && !show.err.contains("unknown key"), "\(show.err)")
        #expect(show.out.contains("usage") && show.out.contains("off"), "\(show.out)")
        try sandbox.writeConfig("usage: sometimes\n")
        let bad = try Kefu.run(["config", "show"], in: sandbox)
        #expect(bad.err.contains("must be on or off") || bad.out.contains("must be on or off"), "\(bad.out)\(bad.err)")
    }
}
