import Foundation
import KefuCore
import KefuTestSupport
import Testing

@testable import KefuREPL

/// The REPL's pure parts: keys, wrapping, combining, the history file.
@Suite struct REPLUnitTests {
    @Test(arguments: [
        ("1", DraftAction.copy([1], force: false)),
        (" 3 ", .copy([3], force: false)),
        ("２", .copy([2], force: false)),
        ("1+3", .copy([1, 3], force: false)),
        ("１＋２", .copy([1, 2], force: false)),
        ("2!", .copy([2], force: true)),
        ("e", .edit([1])),
        ("e 2", .edit([2])),
        ("E2", .edit([2])),
        ("e 1+2", .edit([1, 2])),
        ("v 3", .editor([3])),
        ("m", .more),
        ("?", .why(nil)),
        ("? 2", .why(2)),
        ("？2", .why(2)),
    ])
    func keysAreRead(_ typed: String, _ expected: DraftAction) {
        #expect(DraftAction.parse(typed, draftCount: 3) == expected)
    }

    @Test(arguments: ["where is my parcel", "1 2", "e 1 please", "me", "2024年", "??", "1+", "+1", "v1v"])
    func messagesAreNotKeys(_ typed: String) {
        #expect(DraftAction.parse(typed, draftCount: 3) == nil)
    }

    @Test func aMissingDraftIsSaidSo() {
        guard case .invalid(let why)? = DraftAction.parse("7", draftCount: 3) else {
            Issue.record("7 of 3 should be invalid")
            return
        }
        #expect(why.contains("no draft 7"))
    }

    @Test func chineseTakesTwoColumns() {
        #expect(DisplayWidth.of("ab") == 2)
        #expect(DisplayWidth.of("亲，") == 4)
        #expect(DisplayWidth.of("ｘ") == 2)
    }

    @Test func wrappingKeepsWidthWordsAndPunctuation() {
        let text = "亲，您的包裹已经在路上啦～顺丰单号：SF1234567890123，可以在快递官网或淘宝物流页面实时查看。"
        for width in [10, 17, 24, 40] {
            let lines = DisplayWidth.wrap(text, width: width)
            #expect(lines.joined() == text, "nothing lost at width \(width)")
            for line in lines {
                #expect(DisplayWidth.of(line) <= width, "“\(line)” fits \(width)")
                #expect(!line.hasPrefix("，") && !line.hasPrefix("。"), "no line starts with a comma: “\(line)”")
            }
            // "SF1234567890123，" takes 17 columns: narrower lines must break it.
            if width >= 17 {
                #expect(lines.contains { $0.contains("SF1234567890123") }, "the tracking number is not split at \(width)")
            }
        }
        let english = DisplayWidth.wrap("Your parcel SF1234567890123 is on its way ⟨order_id⟩ today", width: 20)
        #expect(english.allSatisfy { DisplayWidth.of($0) <= 20 })
        #expect(english.contains { $0.contains("⟨order_id⟩") }, "a placeholder stays whole: \(english)")
        #expect(DisplayWidth.wrap("a\n\nb", width: 10) == ["a", "", "b"])
    }

    /// Drafts as the engine renders them, from a small pack: one per kind.
    static func drafts() throws -> [String: Draft] {
        func snippet(_ id: String, _ kind: String, _ zh: String, _ en: String) -> String {
            """
              - id: \(id)
                intents: [t.combo]
                kind: \(kind)
                text:
                  zh-Hans: "\(zh)"
                  en: "\(en)"

            """
        }
        let pack = """
            pack:
              id: t.combo-pack
              name: Combo
              version: 1.0.0
            intents:
              - id: t.combo
                description: combo
                triggers:
                  zh-Hans: [组合测试]
                  en: [combotest]
                examples:
                  zh-Hans: [组合测试一下, 请组合测试, 组合测试吧]
                  en: [combotest please, a combotest, combotest now]
            snippets:

            """
            + snippet("h", "greeting", "亲，您好～欢迎光临！", "Hi there, welcome!")
            + snippet("h2", "greeting", "在的亲～", "Hi!")
            + snippet("s", "apology", "亲，非常抱歉！", "So sorry for the wait!")
            + snippet("t", "logistics", "亲，单号是 SF1。", "Hi there, your parcel is on its way.")
            + snippet("b1", "closing", "祝您愉快！", "Have a nice day!")
            + snippet("b2", "closing", "有问题随时找我哦！", "Just ask!")
        let library = SnippetLibrary.load([PackSource(path: "combo.yaml", text: pack, layer: .commandLine)])
        #expect(library.diagnostics.isEmpty, "\(library.diagnostics)")
        let engine = Engine(library: library)
        var byID: [String: Draft] = [:]
        for (message, suffix) in [("组合测试一下", ""), ("combotest please", ".en")] {
            for d in engine.suggest(message, SuggestionRequest(maxDrafts: 20)).drafts { byID[d.snippet + suffix] = d }
        }
        return byID
    }

    @Test func combiningKeepsOneGreetingAndOneClosing() throws {
        let d = try Self.drafts()
        let pick = { (ids: [String]) throws -> [Draft] in try ids.map { try #require(d[$0], "draft \($0)") } }
        let text = DraftCombiner.combine(try pick(["b1", "s", "h", "t", "h2", "b2"]))
        #expect(text == "亲，您好～欢迎光临！\n非常抱歉！\n单号是 SF1。\n有问题随时找我哦！")
        let english = DraftCombiner.combine(try pick(["s.en", "t.en"]))
        #expect(english == "So sorry for the wait!\nYour parcel is on its way.")
    }

    @Test func placeholdersAreFound() {
        #expect(Placeholders.names(in: "订单 ⟨order_id⟩，单号 ⟨tracking_no⟩，再说 ⟨order_id⟩") == ["order_id", "tracking_no"])
        #expect(Placeholders.names(in: "no blanks") == [])
    }

    @Test func historyMergesKeepsOrderAndBound() throws {
        let sandbox = try Sandbox()
        let path = sandbox.historyPath
        let a = HistoryFile(path: path, limit: 4)
        let b = HistoryFile(path: path, limit: 4)
        _ = a.add("我的快递\n到哪了")
        _ = b.add("where is my parcel")
        _ = a.add("back\\slash \\n literal")
        let merged = b.add("我的快递\n到哪了").entries
        #expect(merged == ["where is my parcel", "back\\slash \\n literal", "我的快递\n到哪了"])
        _ = a.add("4")
        _ = a.add("5")
        #expect(a.load() == ["back\\slash \\n literal", "我的快递\n到哪了", "4", "5"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: sandbox.statePath(""))
        #expect(!leftovers.contains { $0.hasSuffix(".tmp") })
    }

    /// Bytes kefu cannot read are never rewritten as U+FFFD: the file is
    /// kept aside, whole, and a new history begun.
    @Test func anUnreadableHistoryIsKeptAsideNotRewritten() throws {
        let sandbox = try Sandbox()
        let folder = sandbox.root
        let path = folder.appendingPathComponent("history").path
        let binary = Data([0x23, 0x6B, 0xFF, 0xFE, 0x00, 0x01, 0xC3, 0x28, 0x0A, 0xE4, 0xBD])
        try binary.write(to: URL(fileURLWithPath: path))
        let (entries, message) = HistoryFile(path: path, limit: 10).add("where is my parcel")
        #expect(entries == ["where is my parcel"])
        #expect(message?.contains("was moved to") == true, "\(message ?? "")")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let aside = try #require(names.first { $0.hasPrefix("history.unreadable-") })
        #expect(try Data(contentsOf: folder.appendingPathComponent(aside)) == binary)
        // A text history stays where it is.
        #expect(HistoryFile(path: path, limit: 10).add("again").error == nil)
    }

    @Test func commandLinesAreSplitWithoutAShell() {
        #expect(ProcessRunner.split("code --wait") == ["code", "--wait"])
        #expect(ProcessRunner.split("'/opt/my editor/bin/ed' -n \"a b\"") == ["/opt/my editor/bin/ed", "-n", "a b"])
        #expect(ProcessRunner.split("vim; rm -rf ~") == ["vim;", "rm", "-rf", "~"])
    }

    @Test func osc52IsBase64() {
        #expect(Clipboard.osc52("亲") == "\u{1B}]52;c;5Lqy\u{07}")
    }

    @Test func canvasNeverPrintsRawControl() {
        var c = Canvas(colour: false)
        c.text("a\u{1B}]52;c;eA==\u{07}b\u{1B}[2Jc\u{9B}31md")
        // Shown, not obeyed (the one output sanitiser, as in `kefu suggest`).
        #expect(c.output == "a^[]52;c;eA==^Gb^[[2Jc<U+009B>31md")
        c.text("rtl\u{202E}zw\u{200B}")
        #expect(
            !c.output.unicodeScalars.contains {
                $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" || $0 == "\u{200B}"
            })
        var colour = Canvas(colour: true)
        colour.textMarkingPlaceholders("x ⟨order_id⟩ y")
        #expect(colour.output.contains("\u{1B}[1;30;43m⟨order_id⟩\u{1B}[0m"))
    }

    @Test func foundValuesAreListedOnceAndBounded() throws {
        let library = SnippetLibrary.load([], problems: [])
        let engine = Engine(library: library)
        let repeated = String(repeating: "订单号A12345，", count: 50) + "尺码XL"
        let s = engine.suggest(repeated, SuggestionRequest())
        let summary = DraftView.entitySummary(s.entities)
        #expect(summary.components(separatedBy: "A12345").count - 1 <= 2, "each value once: \(summary)")
        #expect(summary.contains("size=XL"), "\(summary)")
        let many = (1...12).map { "SKU-\($0)A" }.joined(separator: " ")
        let bounded = DraftView.entitySummary(engine.suggest(many, SuggestionRequest()).entities, limit: 3)
        #expect(bounded.contains("more)"), "\(bounded)")
    }
}
