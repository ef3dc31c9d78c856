import Foundation
import KefuTestSupport
import Testing

/// Every class of hostile character, through every output path the command
/// line has: no control, escape or bidi character reaches stdout or stderr
/// raw. Each test also checks that the payload really travelled the path (it
/// shows up visibly, `^[` / `<U+202E>`, or escaped in JSON), so a path that
/// stopped echoing cannot pass by accident.
@Suite struct HostileOutputTests {
    /// OSC 52 with BEL, CSI clear screen, lone C1 CSI, BEL, DEL, RLO, ZWSP.
    static let raw = "\u{1B}]52;c;SGVsbG8=\u{07}|\u{1B}[2J|\u{9B}|\u{07}|\u{7F}|\u{202E}|\u{200B}"
    /// The same in a YAML double-quoted string.
    static let yaml = #"\e]52;c;SGVsbG8=\a|\e[2J|\x9b|\a|\x7f|\u202e|\u200b"#
    /// The same in a JSON string.
    static let json = #"\u001b]52;c;SGVsbG8=\u0007|\u001b[2J|\u009b|\u0007|\u007f|\u202e|\u200b"#

    /// Raw hazards in `data`, named; empty when the stream is safe to print.
    /// Written out here rather than taken from kefu, so a gap in kefu's own
    /// list cannot hide itself.
    static func hazards(in data: Data) -> [String] {
        guard let text = String(validating: data, as: UTF8.self) else { return ["invalid UTF-8"] }
        var found: Set<String> = []
        for s in text.unicodeScalars {
            switch s.value {
            case 0x0A, 0x09: continue
            case 0x1B: found.insert("ESC")
            case 0x07: found.insert("BEL")
            case 0x00..<0x20: found.insert("C0")
            case 0x7F: found.insert("DEL")
            case 0x80...0x9F: found.insert("C1")
            case 0x202A...0x202E, 0x2066...0x2069, 0x061C: found.insert("bidi")
            case 0x200B...0x200F, 0xFEFF, 0x2028, 0x2029: found.insert("zero-width/separator")
            default: continue
            }
        }
        return found.sorted()
    }

    /// What the sanitiser makes of `raw` on one line of text.
    static let shownOSC = "^[]52;c;SGVsbG8=^G"

    func expectClean(_ r: KefuResult, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!r.timedOut, "\(what): hung", sourceLocation: sourceLocation)
        #expect(Self.hazards(in: r.stdout) == [], "\(what): stdout \(r.out.debugDescription)", sourceLocation: sourceLocation)
        #expect(Self.hazards(in: r.stderr) == [], "\(what): stderr \(r.err.debugDescription)", sourceLocation: sourceLocation)
    }

    /// Drafts are sent to buyers: values and plugin text reach them with no
    /// control or format character at all, escaped or not.
    func expectCleanDrafts(_ r: KefuResult, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for record in try JSON.objects(r) {
            for d in JSON.drafts(record) {
                let text = d["text"] as? String ?? ""
                guard !text.hasPrefix("Hi ") else { continue }  // the pack's own hostile snippet
                #expect(Self.hazards(in: Data(text.utf8)) == [], "draft \(text.debugDescription)", sourceLocation: sourceLocation)
            }
        }
    }

    func suggest(_ args: [String], _ input: String, _ sandbox: Sandbox) throws -> KefuResult {
        try Kefu.run(["suggest"] + isolated + args, stdin: input, in: sandbox)
    }

    /// A pack carrying the payload in snippet text, names and descriptions.
    static let pack = """
        pack:
          id: t.hostile
          name: "hostile \(yaml)"
          version: "1.0.0\(yaml)"
        intents:
          - id: t.parcel
            description: "parcel \(yaml)"
            triggers:
              en: [parcel]
            examples:
              en: [where is my parcel, "where is my parcel \(yaml)", lovely weather today]
        snippets:
          - id: t.parcel.hi
            intents: [t.parcel]
            kind: answer
            priority: 90
            text:
              en: "Hi \(yaml) there"
          - id: t.parcel.shop
            intents: [t.parcel]
            kind: answer
            priority: 50
            text:
              en: This is {{shop}} about {{order_id}}.

        """

    @Test(arguments: ["text", "jsonl"])
    func packSnippetDrafts(format: String) throws {
        let sandbox = try Sandbox()
        let pack = try sandbox.write("hostile.yaml", Self.pack)
        let r = try suggest(["--snippets", pack, "--format", format, "--explain", "--top", "5"], "where is my parcel\n", sandbox)
        #expect(r.status == 0, "stderr: \(r.err)")
        expectClean(r, "pack draft, \(format)")
        if format == "text" {
            #expect(r.out.contains("Hi \(Self.shownOSC)|^[[2J|<U+009B>|^G|^?|<U+202E>|<U+200B> there"))
        } else {
            #expect(r.out.contains(#"Hi \u001b]52;c;SGVsbG8=\u0007|\u001b[2J|\u009b|\u0007|\u007f|\u202e|\u200b there"#))
        }
    }

    /// Ids, text, `vars` values and every kind of error record, in both
    /// output formats; errors also go to stderr.
    @Test(arguments: ["text", "jsonl"])
    func recordFieldsAndErrorRecords(format: String) throws {
        let sandbox = try Sandbox()
        let pack = try sandbox.write("hostile.yaml", Self.pack)
        let input =
            [
                #"{"id": "id\#(Self.json)", "text": "where is my parcel \#(Self.json)", "vars": {"shop": "Acme\#(Self.json)", "order_id": "A1\#(Self.json)"}}"#,
                #"{"text": "hi", "k\#(Self.json)": 1}"#,
                #"{"id": 3, "text": "hi", "vars": {"k\#(Self.json)": true}}"#,
                #"{"id": 4, "text": "hi", "vars": {"k\#(Self.json)": "\ud800"}}"#,
                #"{"k\#(Self.json)": 1, "k\#(Self.json)": 2}"#,
                "where is my parcel \(Self.raw)",  // not JSON: its text is not echoed, the error says where
            ].joined(separator: "\n") + "\n"
        let r = try suggest(["--snippets", pack, "--input", "jsonl", "--format", format, "--top", "5"], input, sandbox)
        #expect(r.status == 1)
        expectClean(r, "records, \(format)")
        // The errors name the key, visibly, in both streams.
        #expect(r.err.contains("unknown key \"k\(Self.shownOSC)|^[[2J|<U+009B>|^G|^?|<U+202E>|<U+200B>\""), "\(r.err)")
        #expect(r.err.contains("vars.k\(Self.shownOSC)"))
        #expect(r.err.contains("lone surrogate"))
        #expect(r.err.contains("duplicate key"))
        // Values reach drafts without their controls.
        #expect(r.out.contains("This is Acme|"), "\(r.out)")
        if format == "jsonl" {
            let first = try #require(try JSON.objects(r).first)
            // The id is echoed exactly, its controls escaped.
            #expect(first["id"] as? String == "id" + Self.raw)
            // Values went into the drafts without them (not merely escaped).
            try expectCleanDrafts(r)
        } else {
            #expect(r.out.contains("unknown key \"k\(Self.shownOSC)"))
        }
    }

    @Test func commandLineValuesAndTheirErrorEchoes() throws {
        let sandbox = try Sandbox()
        let pack = try sandbox.write("hostile.yaml", Self.pack)
        let drafted = try suggest(["--snippets", pack, "--var", "shop=Acme\(Self.raw)"], "where is my parcel\n", sandbox)
        #expect(drafted.status == 0)
        expectClean(drafted, "--var value")
        #expect(drafted.out.contains("This is Acme|"), "\(drafted.out)")
        for args in [
            ["--lang", "x\(Self.raw)"], ["--format", "x\(Self.raw)"],
            ["--var", "novalue\(Self.raw.replacingOccurrences(of: "=", with: ""))"], ["--top", "\(Self.raw)"], ["--bogus\(Self.raw)"],
        ] {
            let r = try suggest(args, "hi\n", sandbox)
            #expect(r.status == 2, "\(args): \(r.err)")
            expectClean(r, "usage error \(args)")
            // (An option's name is cut at its '=', so only the start is sure to show.)
            #expect(r.err.contains("^[]52;c;SGVsbG8"), "\(args): the bad value is shown: \(r.err)")
        }
        let help = try Kefu.run(["suggest", "--help"], in: sandbox)
        #expect(help.status == 0)
        expectClean(help, "help")
    }

    /// A cloned pack repository may name its files anything.
    @Test func fileNamesAndPackFieldsInListingsAndErrors() throws {
        let sandbox = try Sandbox()
        let folder = sandbox.root.appendingPathComponent("packs").path
        try sandbox.write("packs/bad\(Self.raw).yaml", "pack: [unclosed\n")
        try sandbox.write("packs/hostile.yaml", Self.pack)
        let runs = [
            ("suggest", try suggest(["--snippets", folder], "where is my parcel\n", sandbox)),
            ("plugins validate", try Kefu.run(["plugins", "validate"] + isolated + [folder], in: sandbox)),
            ("plugins list", try Kefu.run(["plugins", "list"] + isolated + ["--snippets", folder], in: sandbox)),
            ("test", try Kefu.run(["test"] + isolated + [folder], in: sandbox)),
        ]
        for (what, r) in runs {
            expectClean(r, what)
            #expect(
                (r.out + r.err).contains("bad\(Self.shownOSC)|^[[2J|<U+009B>|^G|^?|<U+202E>|<U+200B>.yaml"),
                "\(what) names the file: \(r.out) \(r.err)")
        }
        let list = try #require(runs.first { $0.0 == "plugins list" }?.1)
        #expect(list.out.contains("1.0.0\(Self.shownOSC)"), "the pack's version: \(list.out)")
        let test = try #require(runs.first { $0.0 == "test" }?.1)
        #expect(test.out.contains("where is my parcel \(Self.shownOSC)") || test.out.contains("lovely weather"), "\(test.out)")
    }

    @Test func configValuesAndConfigErrors() throws {
        let sandbox = try Sandbox()
        let pack = try sandbox.write("hostile.yaml", Self.pack)
        try sandbox.writeConfig(
            """
            shop: "Acme\(Self.yaml)"
            agent: "Mei\(Self.yaml)"
            variables:
              "k\(Self.yaml)": "v\(Self.yaml)"
            "unknown\(Self.yaml)": 1

            """)
        let show = try Kefu.run(["config", "show"], in: sandbox)
        expectClean(show, "config show")
        #expect(show.out.contains("Acme\(Self.shownOSC)"), "\(show.out)")
        let drafted = try suggest(["--snippets", pack], "where is my parcel\n", sandbox)
        expectClean(drafted, "config value in a draft")
        #expect(drafted.out.contains("This is Acme|"), "\(drafted.out)")
    }

    /// A plugin's hello, evidence, entities and drafts.
    @Test(arguments: ["text", "jsonl"])
    func pluginText(format: String) throws {
        let sandbox = try Sandbox()
        let pack = try sandbox.write("hostile.yaml", Self.pack)
        let plugins = sandbox.root.appendingPathComponent("plugins").path
        let script = """
            #!/bin/sh
            read hello
            printf '%s\\n' '{"type":"hello","protocol":1,"id":"hostile","version":"1\(Self.json)","description":"d\(Self.json)","capabilities":["detect","extract","draft"]}'
            while read line; do
              kind=$(printf '%s' "$line" | sed -n 's/^{"type":"\\([a-z]*\\)","id":\\([0-9]*\\).*/\\1/p')
              id=$(printf '%s' "$line" | sed -n 's/^{"type":"[a-z]*","id":\\([0-9]*\\).*/\\1/p')
              case "$kind" in
                detect) printf '%s\\n' '{"id":'"$id"',"signals":[{"intent":"t.parcel","score":0.9,"evidence":"e\(Self.json)"}]}' ;;
                extract) printf '%s\\n' '{"id":'"$id"',"entities":[{"kind":"order_id","value":"P9\(Self.json)"}]}' ;;
                draft) printf '%s\\n' '{"id":'"$id"',"drafts":[{"id":"hostile.d","intent":"t.parcel","priority":100,"text":{"en":"From the plugin \(Self.json) end"}}]}' ;;
                *) printf '%s\\n' '{"id":'"$id"'}' ;;
              esac
            done

            """
        let path = try sandbox.write("plugins/kefu-plugin-hostile.sh", script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        let r = try suggest(
            ["--snippets", pack, "--plugins", plugins, "--plugin-deadline", "5000", "--format", format, "--explain", "--top", "10"],
            "where is my parcel\n", sandbox)
        #expect(r.status == 0, "stderr: \(r.err)")
        expectClean(r, "plugin text, \(format)")
        #expect(r.out.contains("From the plugin"), "the plugin's draft: \(r.out)")
        #expect(r.out.contains("P9|"), "the plugin's entity, without its controls: \(r.out)")
        if format == "jsonl" { try expectCleanDrafts(r) }
        let list = try Kefu.run(["plugins", "list"] + isolated + ["--plugins", plugins], in: sandbox)
        expectClean(list, "plugins list")
        #expect(list.out.contains("hostile"))
    }
}
