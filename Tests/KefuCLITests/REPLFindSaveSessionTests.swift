import Foundation
import KefuTestSupport
import Testing

/// The REPL's `/word`, `:find` and `:save` in whole sessions: `kefu repl`
/// reading its lines from standard input (no terminal: no prompts, copies
/// printed with --no-clipboard), so every step's output, the usage log and
/// the user's pack file can be checked. The terminal itself is
/// `REPLFindSaveTerminalTests`.
@Suite struct REPLFindSaveSessionTests {
    /// A message no pack recognises.
    static let missed = "咕噜咕噜呢"

    func repl(_ sandbox: Sandbox, _ lines: [String], userPacks: Bool = true) throws -> KefuResult {
        let pack = try sandbox.write("find.yaml", FindTestPack.yaml)
        let arguments = ["repl", "--no-clipboard", "--snippets", pack] + (userPacks ? [] : ["--no-user-packs"])
        let r = try Kefu.run(arguments, stdin: Data((lines.joined(separator: "\n") + "\n").utf8), in: sandbox)
        #expect(r.status == 0 && !r.timedOut, "\(r.err)")
        return r
    }

    func savedPath(_ sandbox: Sandbox) -> String { sandbox.configPath("snippets/saved.yaml") }

    func usage(_ sandbox: Sandbox) -> [[String: Any]] {
        let text = sandbox.read(sandbox.statePath("usage/usage.jsonl"))
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// The output after the last line containing `marker`.
    func after(_ marker: String, in out: String) -> String {
        out.components(separatedBy: marker).last ?? ""
    }

    @Test func aSimplifiedQueryFindsATraditionalSnippetAndViceVersa() throws {
        let r = try repl(Sandbox(), ["/花车礼袋", "/鳥語禮盒"])
        let simplified = after("for “花车礼袋”", in: r.out)
        // Found, numbered, with its id and intent, in the only script it has.
        #expect(simplified.contains(" 1 upsell "), "\(r.out)")
        #expect(simplified.contains("t.gadget.wrap · t.gadget"), "\(r.out)")
        #expect(simplified.contains("親，花車禮袋免費包裝喔～"), "\(r.out)")
        // With no message, a Traditional query gets Traditional text.
        let traditional = after("for “鳥語禮盒”", in: r.out)
        #expect(traditional.contains("t.gadget.bird · t.gadget"), "\(r.out)")
        #expect(traditional.contains("親，鳥語禮盒今天發出哦～"), "\(r.out)")
        #expect(traditional.contains("1 or Enter: copy"), "\(r.out)")
    }

    @Test func findRanksIDsFirstAndSuggestsWhenNothingMatches() throws {
        let r = try repl(Sandbox(), [":find t.gadget.bird", ":find gadget", "/gadgte", "/", ":find"])
        let exact = after("for “t.gadget.bird”", in: r.out)
        let firstLabel = exact.split(separator: "\n").first { $0.contains(" · ") }
        #expect(firstLabel?.contains("t.gadget.bird · t.gadget") == true, "\(r.out)")
        let byIntent = after("for “gadget”", in: r.out)
        // Every snippet of t.gadget by its intent's prefix, higher priority first.
        let order = ["t.gadget.track", "t.gadget.wrap", "t.gadget.bird"].map { byIntent.range(of: $0 + " · ")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil }, "\(r.out)")
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "\(r.out)")
        #expect(r.out.contains("no snippet matches “gadgte” — did you mean gadget?"), "\(r.out)")
        #expect(r.out.occurrences(of: "usage: /WORD or :find WORD") == 2, "\(r.out)")
    }

    @Test func copyingAFoundSnippetTeachesItsIntentAndIsLoggedAsFound() throws {
        let sandbox = try Sandbox()
        let r = try repl(sandbox, [Self.missed, "/鸟语礼盒", "1", Self.missed])
        #expect(r.out.contains("draft 1 — printed only"), "\(r.out)")
        #expect(r.out.contains("│ 亲，鸟语礼盒今天发出哦～"), "\(r.out)")
        #expect(r.out.contains("learned t.gadget for this message"), "\(r.out)")
        // The next identical message: answered with the intent the copy taught.
        let next = after("kefu learn forget", in: r.out)
        let header = try #require(next.split(separator: "\n").first { $0.hasPrefix("● ") }, "\(r.out)")
        #expect(header.contains("t.gadget"), "\(header)")
        let copies = usage(sandbox).filter { $0["event"] as? String == "copied" }
        let copy = try #require(copies.first?["copy"] as? [String: Any], "\(usage(sandbox))")
        #expect(copy["found"] as? Bool == true, "\(copy)")
        #expect(copy["ids"] as? [String] == ["t.gadget.bird"], "\(copy)")
        #expect(copy["intent"] as? String == "t.gadget", "\(copy)")
    }

    /// Ten at a time: `m` shows the next ones, numbered on, like more drafts.
    @Test func moreShowsTheNextFoundSnippets() throws {
        let r = try repl(Sandbox(), ["/亲", "m", "11"])
        let title = try #require(r.out.split(separator: "\n").first { $0.hasPrefix("found ") }, "\(r.out)")
        #expect(title.hasSuffix("— the first 10 (m: more; a word more narrows)"), "\(title)")
        // A numbered result's first line: its number, kind, id (· intents).
        let label = try Regex(#"^ *[0-9]+ [a-z]+ +[a-z0-9._-]+( · |$)"#)
        let labels = r.out.split(separator: "\n").filter { $0.prefixMatch(of: label) != nil }
        #expect(labels.count == 20, "\(r.out)")
        #expect(labels[10].hasPrefix(" 11 "), "\(labels[10])")
        #expect(r.out.contains("draft 11 — printed only") || r.out.contains("blank: "), "\(r.out)")
    }

    @Test func foundSnippetsAreRenderedWithTheMessagesValues() throws {
        let r = try repl(Sandbox(), ["我的小玩意到了吗 SF1234567890123", "/小玩意单号"])
        let found = after("for “小玩意单号”", in: r.out)
        #expect(found.contains("t.gadget.track · t.gadget"), "\(r.out)")
        #expect(found.contains("亲，您的小玩意单号是 SF1234567890123，正在派送中。"), "\(r.out)")
    }

    /// A copy of a found snippet of another intent than kefu's answer is a
    /// correction, as a copied draft of another intent is.
    @Test func copyingAFoundSnippetOfAnotherIntentIsACorrection() throws {
        let sandbox = try Sandbox()
        let r = try repl(sandbox, ["我的小玩意到了吗", "/鸟语礼盒 申请售后", "2"])
        let found = after("for “鸟语礼盒 申请售后”", in: r.out)
        let second = try #require(found.split(separator: "\n").filter { $0.contains(" · ") }.dropFirst().first, "\(r.out)")
        let intent = try #require(second.split(separator: " ").last.map(String.init))
        #expect(intent != "t.gadget", "\(second)")
        #expect(r.out.contains("learned \(intent) for this message"), "\(r.out)")
        let list = try Kefu.run(["learn", "list", "--format", "tsv"], in: sandbox)
        #expect(list.out.contains("我的小玩意到了吗\t\(intent)\t") && list.out.contains("\tcorrection"), "\(list.out)")
    }

    /// A query is typed text: whatever it holds is shown inert.
    @Test func aQueryCannotReachTheTerminal() throws {
        let r = try repl(Sandbox(), ["/\u{1B}]52;c;aGk=\u{07}\u{1B}[2J小玩意zz"])
        #expect(!r.stdout.contains(0x1B) && !r.stdout.contains(0x07), "\(r.out)")
        #expect(r.out.contains("no snippet matches"), "\(r.out)")
    }

    @Test func helpListsFindSaveAndTheSlashKey() throws {
        let r = try repl(Sandbox(), [":help"])
        for row in ["/WORD", ":find WORD...", ":save "] { #expect(r.out.contains(row), "\(row): \(r.out)") }
        let save = try repl(Sandbox(), [":help save"])
        #expect(save.out.contains(":save \n  save the last edited"), "\(save.out)")
    }

    /// A snippet of several intents teaches its first (main) one when the
    /// message gave kefu no hint of either.
    @Test func aFoundSnippetOfSeveralIntentsTeachesItsMainOne() throws {
        let r = try repl(Sandbox(), [Self.missed, "/logistics.stuck", "1"])
        #expect(r.out.contains("logistics.stuck · logistics, urge_delivery"), "\(r.out)")
        #expect(r.out.contains("learned logistics for this message"), "\(r.out)")
    }

    @Test func aCopyOfADraftOfferedForTheMessageIsNotMarkedFound() throws {
        let sandbox = try Sandbox()
        _ = try repl(sandbox, ["我的小玩意到了吗", "1!"])
        let copy = try #require(usage(sandbox).first { $0["event"] as? String == "copied" }?["copy"] as? [String: Any])
        #expect(copy["found"] == nil, "\(copy)")
    }

    static let edited = "亲，单号 SF1234567890123 的小玩意我盯着，今天回复您！"

    @Test func saveTurnsTheEditedReplyIntoASnippetOfferedForTheNextMessage() throws {
        let sandbox = try Sandbox()
        let r = try repl(
            sandbox,
            [
                "我的小玩意到了吗 SF1234567890123", "e 1", Self.edited,
                // Enter takes the proposed intent, then the proposed id.
                ":save", "", "", "我的小玩意到了吗 SF5555555555555",
            ])
        #expect(r.out.contains("│ 亲，单号 {{tracking_no}} 的小玩意我盯着，今天回复您！"), "the preview: \(r.out)")
        #expect(r.out.contains("saved t.gadget.saved-1 (t.gadget)"), "\(r.out)")
        let saved = try String(contentsOfFile: savedPath(sandbox), encoding: .utf8)
        #expect(saved.contains("- id: t.gadget.saved-1\n    intents: [t.gadget]"), "\(saved)")
        #expect(saved.contains("zh-Hans: \"亲，单号 {{tracking_no}} 的小玩意我盯着，今天回复您！\""), "\(saved)")
        #expect(!saved.contains("SF1234567890123"), "this buyer's number stays out: \(saved)")
        // Offered at once, with the next buyer's number.
        let next = after("saved t.gadget.saved-1", in: r.out)
        #expect(next.contains("亲，单号 SF5555555555555 的小玩意我盯着，今天回复您！"), "\(r.out)")
    }

    @Test func anUnknownIntentGetsADidYouMeanAndATraditionalReplyIsSavedInBothScripts() throws {
        let sandbox = try Sandbox()
        let r = try repl(
            sandbox,
            ["我的小玩意到了嗎？請問", "e 1", "親，小玩意明天到貨喔！", ":save", "t.gadgte", "t.gadget", "t.gadget.tomorrow"])
        #expect(r.out.contains("no intent 't.gadgte' — did you mean t.gadget?"), "\(r.out)")
        #expect(r.out.contains("saved t.gadget.tomorrow (t.gadget)"), "\(r.out)")
        let saved = try String(contentsOfFile: savedPath(sandbox), encoding: .utf8)
        #expect(saved.contains("zh-Hant: \"親，小玩意明天到貨喔！\""), "\(saved)")
        #expect(saved.contains("zh-Hans: \"亲，小玩意明天到货喔！\""), "\(saved)")
    }

    @Test func anInvalidIDIsRefusedAndNothingIsWritten() throws {
        let sandbox = try Sandbox()
        // The id prompt refuses, asks again, and the input ends: cancelled.
        let r = try repl(sandbox, ["我的小玩意到了吗", "e 1", "亲，马上到！", ":save", "", "Bad Id!"])
        #expect(r.out.contains("'Bad Id!' is not a valid id: use a-z, 0-9"), "\(r.out)")
        #expect(r.out.contains("save cancelled — nothing written"), "\(r.out)")
        #expect(!FileManager.default.fileExists(atPath: savedPath(sandbox)))
        // A taken id is refused the same way.
        let taken = try repl(sandbox, ["我的小玩意到了吗", "e 1", "亲，马上到！", ":save", "", "t.gadget.track"])
        #expect(taken.out.contains("'t.gadget.track' is already a snippet of t.find"), "\(taken.out)")
        #expect(!FileManager.default.fileExists(atPath: savedPath(sandbox)))
    }

    @Test func aFileThePackParserRefusesIsLeftAsItWas() throws {
        let sandbox = try Sandbox()
        let broken = "# mine\npack: {id: user.saved, name: Saved, version: '1'}\nsnippets: []\n"
        let path = try sandbox.writeConfig(broken, to: "snippets/saved.yaml")
        let r = try repl(sandbox, ["我的小玩意到了吗", "e 1", "亲，马上到！", ":save", "", ""])
        #expect(r.out.contains("not saved: the pack would not load — nothing written"), "\(r.out)")
        // The parser's file:line:col. The long path is wrapped to the window,
        // where depends on the temporary folder's name: compared unwrapped.
        let unwrapped = r.out.filter { !$0.isWhitespace }
        #expect(unwrapped.contains("saved.yaml:4:3:error:invalidYAML"), "\(r.out)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == broken)
    }

    @Test func anExistingSavedFileKeepsItsCommentsAndSnippets() throws {
        let sandbox = try Sandbox()
        let mine = """
            # the team's favourite wording
            pack: {id: user.saved, name: Saved, version: '1'}
            snippets:
              - id: t.gadget.mine  # kept
                intents: [t.gadget]
                kind: answer
                text: {zh-Hans: 亲，小玩意在路上啦。}

            """
        let path = try sandbox.writeConfig(mine, to: "snippets/saved.yaml")
        let r = try repl(sandbox, ["我的小玩意到了吗", "e 1", "亲，马上到！", ":save", "", ""])
        #expect(r.out.contains("saved t.gadget.saved-1"), "\(r.out)")
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.hasPrefix(mine), "\(saved)")
        #expect(saved.hasSuffix("      zh-Hans: \"亲，马上到！\"\n"), "\(saved)")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func saveNeedsAnEditedReplyAndTheUsersPacks() throws {
        let r = try repl(Sandbox(), ["我的小玩意到了吗", "1!", ":save"])
        #expect(r.out.contains("nothing to save yet"), "\(r.out)")
        let off = try repl(Sandbox(), ["我的小玩意到了吗", "e 1", "亲，马上到！", ":save"], userPacks: false)
        #expect(off.out.contains("your packs are not loaded (--no-user-packs)"), "\(off.out)")
    }
}

extension String {
    fileprivate func occurrences(of needle: String) -> Int { components(separatedBy: needle).count - 1 }
}
