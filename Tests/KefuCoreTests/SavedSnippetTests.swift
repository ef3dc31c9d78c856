import Testing

@testable import KefuCore

/// `SavedSnippet`: a reply the agent edited becomes a template again and an
/// entry of a pack file that the parser accepts, everything else in the
/// file kept.
@Suite struct SavedSnippetTests {
    static let snippet = SavedSnippet(
        id: "parcel.saved-1", intent: "parcel", kind: .logistics, priority: 60,
        texts: [(.simplifiedChinese, "亲，单号 {{tracking_no}} 我帮您盯着！")])

    static let intents = """
        pack: {id: t.saved, name: Saved, version: '1'}
        intents:
          - id: parcel
            description: where is my parcel
            triggers: {zh-Hans: [快递到哪]}
            examples: {zh-Hans: [我的快递到哪了]}
        """

    func parse(_ text: String) -> PackParser.Result { PackParser().parse(text, file: "saved.yaml", layer: .user) }

    @Test func valuesTheDraftFilledBecomeTheirVariablesAgain() {
        let t = SavedSnippet.template(
            from: "亲，顺丰单号 SF1234567890123 我帮您盯着，订单 A77 也查了。SF1234567890123 今天到。",
            values: [.init(name: "tracking_no", forms: ["SF1234567890123"]), .init(name: "order_id", forms: ["A77"])])
        #expect(t == "亲，顺丰单号 {{tracking_no}} 我帮您盯着，订单 {{order_id}} 也查了。{{tracking_no}} 今天到。")
    }

    @Test func blanksBecomeVariablesAndShortValuesStayText() {
        let t = SavedSnippet.template(from: "Size M is ⟨size⟩ for ⟨not a name⟩.", values: [.init(name: "size", forms: ["M"])])
        #expect(t == "Size M is {{size}} for ⟨not a name⟩.")
    }

    @Test func aLongerValueWinsOverOneInsideIt() {
        let t = SavedSnippet.template(
            from: "订单 12345678 已改", values: [.init(name: "amount", forms: ["1234"]), .init(name: "order_id", forms: ["12345678"])])
        #expect(t == "订单 {{order_id}} 已改")
    }

    /// What the agent or a buyer typed never becomes a tag.
    @Test func typedBracesStayText() throws {
        let t = SavedSnippet.template(
            from: "{{shop}} {{{x}}} {⟨order_id⟩}", values: [])
        #expect(!t.contains("{{shop}}") && !t.contains("{{{"), "\(t)")
        #expect(t.hasSuffix("{ {{order_id}}}"), "\(t)")
        let template = try Template(t)
        #expect(template.variables == ["order_id"])
    }

    @Test func anyTextIsWrittenAsAGoodYAMLString() throws {
        let nasty = "line one\nline \"two\" \\ tab\there # not a comment: {x} \u{7}\u{2028}end"
        let snippet = SavedSnippet(id: "parcel.nasty", intent: "parcel", kind: .answer, priority: 50, texts: [(.english, nasty)])
        let result = parse(Self.intents + "\nsnippets:\n" + snippet.yamlEntry())
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let parsed = try #require(result.pack?.snippets.first)
        #expect(parsed.texts[.english]?.source == nasty)
    }

    @Test func aNewFileIsAPackWithTheSnippet() throws {
        let text = Self.snippet.appended(to: nil)
        #expect(text.hasPrefix("# Replies saved"))
        // The header's pack declares no intent: checked with one that does.
        let result = parse(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.pack?.snippets.map(\.id) == ["parcel.saved-1"])
    }

    @Test func anExistingFileKeepsItsCommentsAndGetsTheEntryInItsList() throws {
        let existing = """
            # my replies — keep this comment
            pack:
              id: user.saved
              name: Saved replies
              version: 1.0.0
            snippets:
            # first one
            - id: parcel.mine
              intents: [parcel]
              kind: answer
              text: {zh-Hans: 亲，在查啦。}
            # trailing comment
            partials:
              sign: {zh-Hans: 小鹿家居}

            """
        let text = Self.snippet.appended(to: existing)
        for line in existing.split(separator: "\n") { #expect(text.contains(line), "kept: \(line)") }
        let result = parse(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)\n\(text)")
        #expect(result.pack?.snippets.map(\.id) == ["parcel.mine", "parcel.saved-1"])
        #expect(result.pack?.partials["sign"] != nil)
        // The list's own indentation (here none) is followed.
        #expect(text.contains("\n- id: parcel.saved-1\n"), "\(text)")
    }

    @Test func aFileWithoutTheListGetsOne() {
        let existing = "pack: {id: user.saved, name: Saved, version: '1'}  # no list yet"
        let result = parse(Self.snippet.appended(to: existing))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.pack?.snippets.map(\.id) == ["parcel.saved-1"])
    }

    /// A list the textual append cannot extend is the parser's to refuse,
    /// with file:line:col: nothing is written then (the REPL checks).
    @Test func aFlowListIsRefusedByTheParser() {
        let existing = "pack: {id: user.saved, name: Saved, version: '1'}\nsnippets: []\n"
        let result = parse(Self.snippet.appended(to: existing))
        #expect(!result.diagnostics.isEmpty)
        #expect(result.diagnostics.first?.description.hasPrefix("saved.yaml:") == true)
    }
}
