import Testing

@testable import KefuCore

@Suite struct PackParserTests {
    func diagnostics(_ yaml: String) -> [Diagnostic] {
        PackParser().parse(yaml, file: "p.yaml", layer: .commandLine).diagnostics
    }

    let header = """
        pack:
          id: t
          name: T
          version: "1"

        """

    @Test func validPackParses() {
        let result = PackParser().parse(TestPack.yaml, file: "test.yaml", layer: .builtin)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.pack?.intents.count == 4)
        #expect(result.pack?.snippets.count == 7)
    }

    @Test func syntaxErrorHasPosition() {
        let d = diagnostics(header + "intents: [a, b\nsnippets: x\n")
        #expect(d.count == 1)
        #expect(d.first?.description.hasPrefix("p.yaml:") == true)
        #expect(d.first?.location.line ?? 0 >= 5)
    }

    @Test func unknownKeyIsReportedWithSuggestion() {
        let d = diagnostics(
            header + """
                intents:
                  - id: a
                    description: d
                    trigers:
                      en: [x]
                    examples:
                      en: [x]
                """)
        #expect(d.map(\.location.line) == [8])
        #expect(d.first?.location.column == 5)
        #expect(d.first?.hint == "did you mean 'triggers'?")
    }

    @Test func missingTextAndUnknownVariable() {
        let d = diagnostics(
            header + """
                snippets:
                  - id: s1
                    fallback: true
                    kind: generic
                  - id: s2
                    fallback: true
                    kind: generic
                    text:
                      en: Hello {{custmer}}!
                """)
        #expect(d.count == 2, "\(d)")
        #expect(d[0].message.contains("missing 'text'"))
        #expect(d[0].location.line == 6)
        #expect(d[1].message.contains("unknown variable 'custmer'"))
        #expect(d[1].location.line == 13)
    }

    @Test func declaredVariablesAreAllowed() {
        let d = diagnostics(
            header + """
                variables: [coupon]
                snippets:
                  - id: s
                    fallback: true
                    kind: promo
                    text:
                      en: Use {{coupon}}.
                """)
        #expect(d.isEmpty, "\(d)")
    }

    @Test func duplicateIDAndInvalidRegexAndBadKind() {
        let d = diagnostics(
            header + """
                intents:
                  - id: a
                    description: d
                    patterns:
                      en: ['where (is']
                    examples:
                      en: [x]
                snippets:
                  - id: s
                    intents: [a]
                    kind: apologize
                    text: {en: x}
                  - id: s
                    intents: [a]
                    kind: apology
                    text: {en: y}
                """)
        let messages = d.map(\.description)
        #expect(messages.contains { $0.contains("invalid regular expression") })
        #expect(messages.contains { $0.contains("unknown kind 'apologize'") && $0.contains("did you mean 'apology'") })
        #expect(messages.contains { $0.contains("duplicate snippet id 's' (first at line 13)") })
        #expect(d.first { $0.message.contains("regular expression") }?.location.line == 9)
    }

    @Test func patternWithoutAnchorIsRejected() {
        let d = diagnostics(
            header + """
                intents:
                  - id: a
                    description: d
                    patterns:
                      en: ['(ab)+', 'ship|send']
                    examples:
                      en: [x]
                """)
        #expect(d.filter { $0.message.contains("plain run") }.count == 2)
    }

    @Test func templateErrorPointsIntoBlockScalar() {
        let d = diagnostics(
            header + """
                snippets:
                  - id: s
                    fallback: true
                    kind: generic
                    text:
                      en: |
                        First line
                        Second {{#open}} line
                """)
        #expect(d.count == 1)
        #expect(d.first?.location.line == 12)
        #expect(d.first?.location.column == 16)  // 8 spaces of indentation + "Second "
    }

    @Test func brokenPackDoesNotTakeOthersDown() {
        let broken = PackSource(
            path: "broken.yaml",
            text:
                "pack: {id: b, name: B, version: 1}\nsnippets:\n  - id: x\n    intents: [nowhere]\n    kind: answer\n    text: {en: hi}\n",
            layer: .user)
        let bad = PackSource(path: "bad.yaml", text: "pack: [\n", layer: .user)
        let library = TestPack.library(extra: [broken, bad])
        #expect(library.intents["parcel"] != nil)
        #expect(library.failures.map(\.source).sorted() == ["bad.yaml", "broken.yaml"])
        #expect(library.diagnostics.contains { $0.message.contains("unknown intent 'nowhere'") && $0.location.line == 3 })
    }

    @Test func laterLayersOverrideByIDAndExtend() {
        let override = PackSource(
            path: "shop.yaml",
            text: """
                pack: {id: shop, name: Shop, version: "2"}
                partials:
                  policy:
                    en: Returns within 30 days.
                intents:
                  - id: parcel
                    extends: true
                    triggers:
                      en: [where's my stuff]
                snippets:
                  - id: broken.sorry
                    intents: [broken]
                    kind: apology
                    text:
                      en: Our apologies!
                """, layer: .user)
        let library = TestPack.library(extra: [override])
        #expect(library.failures.isEmpty, "\(library.diagnostics)")
        #expect(library.snippets.filter { $0.id == "broken.sorry" }.count == 1)
        #expect(library.snippets.first { $0.id == "broken.sorry" }?.pack == "shop")
        #expect(library.intents["parcel"]?.triggers.contains { $0.phrase == "where's my stuff" } == true)
        #expect(library.intents["parcel"]?.examples.count == 6)
        let engine = Engine(library: library)
        let s = engine.suggest("I want a refund")
        #expect(s.drafts.first?.text.contains("30 days") == true)
    }
}
