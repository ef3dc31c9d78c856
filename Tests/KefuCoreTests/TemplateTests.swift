import Testing

@testable import KefuCore

@Suite struct TemplateTests {
    func render(_ source: String, _ values: [String: String], partials: [String: String] = [:]) throws -> TemplateRenderer.Output {
        let t = try Template(source)
        return TemplateRenderer.render(t, values: values) { name in partials[name].flatMap { try? Template($0) } }
    }

    @Test func variablesAndPlaceholders() throws {
        let out = try render("Hi {{buyer}}, order {{order_id}} ships today.", ["buyer": "Ann"])
        #expect(out.text == "Hi Ann, order ⟨order_id⟩ ships today.")
        #expect(out.missing == ["order_id"])
    }

    @Test func sectionsRenderOnlyWhenKnown() throws {
        let source = "Checking{{#tracking_no}} {{carrier}} {{tracking_no}}{{/tracking_no}}{{^tracking_no}} your order{{/tracking_no}}."
        #expect(try render(source, ["tracking_no": "SF1", "carrier": "SF"]).text == "Checking SF SF1.")
        #expect(try render(source, [:]).text == "Checking your order.")
        #expect(try render(source, [:]).missing.isEmpty)
    }

    @Test func partialsAreIncluded() throws {
        let out = try render("Steps. {{> policy}}", [:], partials: ["policy": "7 days, {{shop}}."])
        #expect(out.text == "Steps. 7 days, ⟨shop⟩.")
        #expect(out.missing == ["shop"])
    }

    @Test func buyerTextIsNeverTemplateSyntax() throws {
        let out = try render("You said: {{product}}", ["product": "{{shop}} {{> policy}} {{#x}}"])
        #expect(out.text == "You said: {{shop}} {{> policy}} {{#x}}")
        #expect(out.missing.isEmpty)
    }

    @Test func noHTMLEscaping() throws {
        #expect(try render("{{product}}", ["product": "<b>&\"'"]).text == "<b>&\"'")
    }

    @Test func blankLinesLeftBySectionsAreRemoved() throws {
        let out = try render("Line one\n{{#order_id}}Order {{order_id}}\n{{/order_id}}\nLine two\n", [:])
        #expect(out.text == "Line one\nLine two")
    }

    @Test func paragraphsKeepOneBlankLineAndLoseTrailingSpace() {
        #expect(TemplateRenderer.tidy("\n亲～  \n\n\n我们马上处理 \n\n— 小美\n\n") == "亲～\n\n我们马上处理\n\n— 小美")
        #expect(TemplateRenderer.tidy("one line\n") == "one line")
    }

    @Test(arguments: [
        ("Hi {{name", "unclosed tag", 1, 4),
        ("a\n{{#x}}b", "never closed", 2, 1),
        ("{{/x}}", "never opened", 1, 1),
        ("{{#a}}{{/b}}", "closes section 'a'", 1, 7),
        ("x {{{raw}}}", "not supported", 1, 3),
        ("{{=<% %>=}}", "delimiters", 1, 1),
        ("{{ bad-name }}", "invalid name", 1, 1),
    ])
    func syntaxErrorsHavePositions(source: String, message: String, line: Int, column: Int) {
        do {
            _ = try Template(source)
            Issue.record("expected an error for \(source)")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }

    @Test func listsVariablesAndPartials() throws {
        let t = try Template("{{a}} {{#b}}{{c}}{{/b}} {{> p}} {{! note }}")
        #expect(t.variables == ["a", "b", "c"])
        #expect(t.partials == ["p"])
    }
}
