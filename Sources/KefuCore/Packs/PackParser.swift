import Foundation
import Yams

/// Turns the text of one pack file into a `Pack`, or into every problem it has,
/// each with file, line and column. A file with any error yields no pack: a
/// half-loaded pack would offer drafts its author never tested.
public struct PackParser: Sendable {
    package struct Result: Sendable {
        package var pack: Pack?
        package var diagnostics: [Diagnostic]
    }

    private let normalizer: TextNormalizer

    /// A parser that folds examples and triggers with `normalizer`, as the engine folds messages.
    public init(normalizer: TextNormalizer = TextNormalizer()) {
        self.normalizer = normalizer
    }

    package func parse(_ text: String, file: String, layer: PackLayer) -> Result {
        var reader = YAMLNodeReader(file: file)
        let composed = GuardedYAML.compose(text, file: file, duplicateKeys: .reject)
        guard composed.problems.isEmpty else { return Result(pack: nil, diagnostics: composed.problems) }
        guard let root = composed.root else {
            reader.error("the file is empty: a pack needs at least a 'pack:' section", at: nil)
            return Result(pack: nil, diagnostics: reader.diagnostics)
        }
        var state = ParseState(reader: reader, text: text, normalizer: normalizer)
        let pack = state.pack(root, file: file, layer: layer)
        let diagnostics = state.reader.diagnostics.sorted {
            ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
        }
        return Result(pack: diagnostics.isEmpty ? pack : nil, diagnostics: diagnostics)
    }

    /// A Yams syntax error as `file:line:col`. Reader errors (control
    /// characters) carry a byte offset, turned into a line and column here.
    package static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            return Diagnostic("invalid YAML: \(what)", at: at(mark))
        case .reader(let problem, let offset, _, let yaml):
            var line = 1, column = 1
            if let offset {
                for byte in yaml.utf8.prefix(offset) {
                    if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
                }
            }
            return Diagnostic("invalid text: \(problem)", at: SourceLocation(file: file, line: line, column: column))
        default:
            return Diagnostic("invalid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}

/// The walk over one file's tree.
private struct ParseState {
    var reader: YAMLNodeReader
    /// The whole file, split into lines only when an error inside a block
    /// scalar needs its indentation (splitting every file costs milliseconds).
    let text: String
    let normalizer: TextNormalizer
    var declaredVariables: Set<String> = []

    mutating func pack(_ root: Node, file: String, layer: PackLayer) -> Pack? {
        guard let top = reader.mapping(root, "the pack file", allowed: ["pack", "variables", "partials", "intents", "snippets"]) else {
            return nil
        }
        var info: Pack.Info?
        var partials: [String: LocalizedTemplates] = [:]
        var intents: [IntentDefinition] = []
        var snippets: [SnippetDefinition] = []
        var variables: [String] = []

        // Variables first: templates anywhere in the file may use them.
        for (key, _, value) in top where key == "variables" {
            for (i, name) in reader.stringList(value, "variables").enumerated() {
                guard Self.isIdentifier(name) else {
                    reader.error("invalid variable name '\(name)' (use letters, digits and _)", at: reader.list(value, "variables")[i])
                    continue
                }
                variables.append(name)
            }
        }
        declaredVariables = TemplateVariables.builtin.union(variables)

        for (key, keyNode, value) in top {
            switch key {
            case "pack": info = packInfo(value, file: file, layer: layer)
            case "partials": partials = self.partials(value)
            case "intents":
                var seen: [String: Int] = [:]
                for node in reader.list(value, "intents") {
                    guard let intent = intent(node, pack: info?.id ?? "") else { continue }
                    if let first = seen[intent.id] {
                        reader.error("duplicate intent id '\(intent.id)' (first at line \(first))", at: node)
                    }
                    seen[intent.id] = intent.location.line
                    intents.append(intent)
                }
            case "snippets":
                var seen: [String: Int] = [:]
                for node in reader.list(value, "snippets") {
                    guard let snippet = snippet(node, pack: info?.id ?? "") else { continue }
                    if let first = seen[snippet.id] {
                        reader.error("duplicate snippet id '\(snippet.id)' (first at line \(first))", at: node)
                    }
                    seen[snippet.id] = snippet.location.line
                    snippets.append(snippet)
                }
            case "variables": break
            default: reader.error("unknown key '\(key)'", at: keyNode)
            }
        }
        guard var info else {
            reader.error("missing 'pack:' section (id, name, version)", at: root)
            return nil
        }
        for i in intents.indices { intents[i].pack = info.id }
        for i in snippets.indices { snippets[i].pack = info.id }
        if info.languages.isEmpty {
            info.languages = Array(Set(snippets.flatMap { $0.texts.keys })).sorted()
        }
        return Pack(info: info, variables: variables, partials: partials, intents: intents, snippets: snippets)
    }

    mutating func packInfo(_ node: Node, file: String, layer: PackLayer) -> Pack.Info? {
        guard let entries = reader.mapping(node, "'pack'", allowed: ["id", "name", "version", "description", "languages"]) else {
            return nil
        }
        var id: String?, name: String?, version: String?, description = ""
        var languages: [Language] = []
        for (key, _, value) in entries {
            switch key {
            case "id":
                id = reader.nonEmptyString(value, "pack id")
                if let i = id, !Identifier.isValid(i) { reader.error("invalid pack id '\(i)' (\(Identifier.rule))", at: value); id = nil }
            case "name": name = reader.nonEmptyString(value, "pack name")
            case "version": version = reader.nonEmptyString(value, "pack version")
            case "description": description = reader.string(value, "pack description") ?? ""
            case "languages":
                for item in reader.list(value, "languages") {
                    guard let tag = reader.string(item, "a language") else { continue }
                    guard let l = Language(rawValue: tag) else {
                        reader.error("unknown language '\(tag)' (use zh-Hans, zh-Hant or en)", at: item); continue
                    }
                    languages.append(l)
                }
            default: break
            }
        }
        for (field, value) in [("id", id), ("name", name), ("version", version)] where value == nil {
            if !entries.contains(where: { $0.key == field }) { reader.error("'pack' is missing '\(field)'", at: node) }
        }
        guard let id, let name, let version else { return nil }
        return Pack.Info(id: id, name: name, version: version, description: description, languages: languages, source: file, layer: layer)
    }

    /// Variable and partial names: a letter or `_`, then letters, digits, `_`.
    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || ("A"..."Z").contains(first) || ("a"..."z").contains(first) else {
            return false
        }
        return s.unicodeScalars.allSatisfy { $0 == "_" || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    mutating func partials(_ node: Node) -> [String: LocalizedTemplates] {
        guard let entries = reader.mapping(node, "'partials'", allowed: []) else { return [:] }
        var result: [String: LocalizedTemplates] = [:]
        for (name, keyNode, value) in entries {
            guard Self.isIdentifier(name) else {
                reader.error("invalid partial name '\(name)' (use letters, digits and _)", at: keyNode)
                continue
            }
            result[name] = templates(value, owner: "partial '\(name)'")
        }
        return result
    }

    mutating func triggers(_ node: Node, _ what: String) -> [Trigger] {
        var result: [Trigger] = []
        for (_, list) in reader.languageMap(node, what) {
            for item in reader.list(list, what) {
                if case .mapping = item {
                    guard let entries = reader.mapping(item, "a trigger", allowed: ["phrase", "weight"]) else { continue }
                    var phrase: String?, weight = 1.0
                    for (key, _, value) in entries {
                        if key == "phrase" { phrase = reader.nonEmptyString(value, "phrase") }
                        if key == "weight" {
                            guard let w = value.float, (0.1...1.0).contains(w) else {
                                reader.error("weight must be a number from 0.1 to 1.0", at: value); continue
                            }
                            weight = w
                        }
                    }
                    guard let phrase else {
                        if !entries.contains(where: { $0.key == "phrase" }) { reader.error("a trigger mapping needs 'phrase'", at: item) }
                        continue
                    }
                    result.append(Trigger(phrase: phrase, weight: weight, location: reader.location(item)))
                } else if let phrase = reader.nonEmptyString(item, "a trigger") {
                    if !phrase.unicodeScalars.contains(where: { $0 != "*" && !$0.properties.isWhitespace }) {
                        reader.error("trigger '\(phrase)' has no text to match", at: item); continue
                    }
                    result.append(Trigger(phrase: phrase, weight: 1.0, location: reader.location(item)))
                }
            }
        }
        return result
    }

    mutating func patterns(_ node: Node) -> [PatternTrigger] {
        var result: [PatternTrigger] = []
        for (_, list) in reader.languageMap(node, "patterns") {
            for item in reader.list(list, "patterns") {
                guard let pattern = reader.nonEmptyString(item, "a pattern") else { continue }
                do {
                    _ = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
                } catch {
                    reader.error("invalid regular expression '\(pattern)'", at: item)
                    continue
                }
                if let hazard = RegexHazard.problem(in: pattern) {
                    reader.error("pattern '\(pattern)': \(hazard)", at: item)
                    continue
                }
                guard let anchor = PatternAnchor.find(in: pattern) else {
                    reader.error(
                        "pattern '\(pattern)' needs a plain run of at least two characters outside groups, classes and optional parts (split top-level '|' into separate patterns)",
                        at: item)
                    continue
                }
                result.append(PatternTrigger(pattern: pattern, anchor: normalizer.fold(anchor), location: reader.location(item)))
            }
        }
        return result
    }

    mutating func examples(_ node: Node, _ what: String) -> [ExampleMessage] {
        var result: [ExampleMessage] = []
        for (language, list) in reader.languageMap(node, what) {
            for item in reader.list(list, what) {
                if case .mapping = item {
                    // {text: ..., weight: 0.6}: an example that counts less (the learned pack's unconfirmed ones).
                    guard let entries = reader.mapping(item, "an example", allowed: ["text", "weight"]) else { continue }
                    var text: String?, weight = 1.0
                    for (key, _, value) in entries {
                        if key == "text" { text = reader.nonEmptyString(value, "text") }
                        if key == "weight" {
                            guard let w = value.float, (0.1...1.0).contains(w) else {
                                reader.error("weight must be a number from 0.1 to 1.0", at: value); continue
                            }
                            weight = w
                        }
                    }
                    guard let text else {
                        if !entries.contains(where: { $0.key == "text" }) { reader.error("an example mapping needs 'text'", at: item) }
                        continue
                    }
                    result.append(ExampleMessage(text: text, language: language, location: reader.location(item), weight: weight))
                } else if let text = reader.nonEmptyString(item, "an entry of \(what)") {
                    result.append(ExampleMessage(text: text, language: language, location: reader.location(item)))
                }
            }
        }
        return result
    }

    mutating func intent(_ node: Node, pack: String) -> IntentDefinition? {
        let keys = [
            "id", "description", "extends", "secondary", "triggers", "patterns", "counter_triggers", "examples", "counter_examples",
        ]
        guard let entries = reader.mapping(node, "an intent", allowed: keys) else { return nil }
        var intent = IntentDefinition(
            id: "", description: "", extends: false, secondary: false, triggers: [], patterns: [], counterTriggers: [], examples: [],
            counterExamples: [], location: reader.location(node), pack: pack)
        var hasID = false
        for (key, _, value) in entries {
            switch key {
            case "id":
                guard let id = reader.nonEmptyString(value, "intent id") else { continue }
                guard Identifier.isValid(id) else { reader.error("invalid intent id '\(id)' (\(Identifier.rule))", at: value); continue }
                intent.id = id; hasID = true
            case "description": intent.description = reader.string(value, "description") ?? ""
            case "extends": intent.extends = reader.bool(value, "extends") ?? false
            case "secondary": intent.secondary = reader.bool(value, "secondary") ?? false
            case "triggers": intent.triggers = triggers(value, "triggers")
            case "patterns": intent.patterns = patterns(value)
            case "counter_triggers": intent.counterTriggers = triggers(value, "counter_triggers")
            case "examples": intent.examples = examples(value, "examples")
            case "counter_examples": intent.counterExamples = examples(value, "counter_examples")
            default: break
            }
        }
        guard hasID else {
            if !entries.contains(where: { $0.key == "id" }) { reader.error("an intent is missing 'id'", at: node) }
            return nil
        }
        if intent.id == otherIntentID {
            let extra = entries.filter { !["id", "description", "examples", "extends", "triggers"].contains($0.key) }
            for (key, keyNode, _) in extra {
                reader.error("the reserved intent 'other' takes only examples and triggers, not '\(key)'", at: keyNode)
            }
        } else if !intent.extends {
            if intent.description.trimmingCharacters(in: .whitespaces).isEmpty {
                reader.error("intent '\(intent.id)' is missing 'description'", at: node)
            }
            if intent.examples.isEmpty {
                reader.error("intent '\(intent.id)' has no examples: write a few real buyer messages (they are its tests)", at: node)
            }
        }
        return intent
    }

    mutating func snippet(_ node: Node, pack: String) -> SnippetDefinition? {
        let keys = ["id", "intents", "kind", "priority", "when", "about", "asserts", "fallback", "on_demand", "text"]
        guard let entries = reader.mapping(node, "a snippet", allowed: keys) else { return nil }
        var snippet = SnippetDefinition(
            id: "", intents: [], kind: .answer, priority: 50, conditions: SnippetConditions(), fallback: false, onDemand: false, texts: [:],
            location: reader.location(node), pack: pack)
        var hasID = false, hasKind = false, hasText = false
        for (key, _, value) in entries {
            switch key {
            case "id":
                guard let id = reader.nonEmptyString(value, "snippet id") else { continue }
                guard Identifier.isValid(id) else { reader.error("invalid snippet id '\(id)' (\(Identifier.rule))", at: value); continue }
                snippet.id = id; hasID = true
            case "intents": snippet.intents = reader.stringList(value, "intents")
            case "kind":
                guard let k = reader.string(value, "kind") else { continue }
                guard let kind = SnippetKind(rawValue: k) else {
                    let all = SnippetKind.allCases.map(\.rawValue)
                    reader.error(
                        "unknown kind '\(k)'; kinds: \(all.joined(separator: ", "))", at: value,
                        hint: SpellingSuggestion.hint(for: k, in: all))
                    continue
                }
                snippet.kind = kind; hasKind = true
            case "priority": snippet.priority = reader.int(value, "priority", in: 0...100) ?? 50
            case "when": snippet.conditions = conditions(value)
            case "about": snippet.about = aboutPhrases(value)
            case "asserts":
                snippet.asserts = assertions(value)
                snippet.assertsLocation = reader.location(value)
            case "fallback": snippet.fallback = reader.bool(value, "fallback") ?? false
            case "on_demand": snippet.onDemand = reader.bool(value, "on_demand") ?? false
            case "text":
                hasText = true
                snippet.texts = templates(value, owner: "snippet '\(snippet.id)'")
                // The texts' keys were checked by `templates`; read them again silently.
                if case .mapping(let texts) = value {
                    for (key, text) in texts {
                        guard let tag = key.string, let language = Language(rawValue: tag), snippet.texts[language] != nil else { continue }
                        snippet.textOrigins[language] = origin(of: text)
                    }
                }
            default: break
            }
        }
        let name = hasID ? "snippet '\(snippet.id)'" : "a snippet"
        if !hasID && !entries.contains(where: { $0.key == "id" }) { reader.error("a snippet is missing 'id'", at: node) }
        if !hasKind && !entries.contains(where: { $0.key == "kind" }) { reader.error("\(name) is missing 'kind'", at: node) }
        if !hasText { reader.error("\(name) is missing 'text'", at: node) }
        if snippet.intents.isEmpty && !snippet.fallback && !snippet.onDemand {
            reader.error("\(name) needs 'intents' (or 'fallback: true' / 'on_demand: true')", at: node)
        }
        return hasID ? snippet : nil
    }

    mutating func conditions(_ node: Node) -> SnippetConditions {
        var c = SnippetConditions()
        guard let entries = reader.mapping(node, "'when'", allowed: ["has", "lacks", "upset", "equals"]) else { return c }
        for (key, _, value) in entries {
            switch key {
            case "has": c.has = variableList(value, "has")
            case "lacks": c.lacks = variableList(value, "lacks")
            case "upset": c.upset = reader.bool(value, "upset")
            case "equals":
                guard let pairs = reader.mapping(value, "'equals'", allowed: []) else { continue }
                for (name, keyNode, v) in pairs {
                    checkVariable(name, at: keyNode)
                    if let s = reader.string(v, "the value of '\(name)'") { c.equals[name] = s }
                }
            default: break
            }
        }
        return c
    }

    /// `about:`: per language, the words that say what a draft is about.
    mutating func aboutPhrases(_ node: Node) -> [String] {
        var result: [String] = []
        for (_, list) in reader.languageMap(node, "about") {
            for item in reader.list(list, "about") {
                guard let phrase = reader.nonEmptyString(item, "an entry of about") else { continue }
                guard !normalizer.fold(phrase).isEmpty else {
                    reader.error("about phrase '\(phrase)' has no text to match", at: item); continue
                }
                result.append(phrase)
            }
        }
        return result
    }

    /// `asserts:`: names from the closed set of `Assertion`.
    mutating func assertions(_ node: Node) -> [Assertion] {
        let items = reader.list(node, "asserts")
        return items.compactMap { item in
            guard let name = reader.nonEmptyString(item, "an assertion") else { return nil }
            guard let a = Assertion(rawValue: name) else {
                let all = Assertion.allCases.map(\.rawValue)
                reader.error(
                    "unknown assertion '\(name)'; assertions: \(all.joined(separator: ", "))", at: item,
                    hint: SpellingSuggestion.hint(for: name, in: all))
                return nil
            }
            return a
        }
    }

    /// Where a text scalar's first character is in the file.
    func origin(of node: Node) -> TextOrigin {
        var isBlock = false
        if case .scalar(let scalar) = node { isBlock = scalar.style == .literal || scalar.style == .folded }
        return TextOrigin(start: fileLocation(line: 1, column: 1, in: node), isBlock: isBlock)
    }

    mutating func variableList(_ node: Node, _ what: String) -> [String] {
        let items = reader.list(node, what)
        return items.compactMap { item in
            guard let name = reader.nonEmptyString(item, "a variable") else { return nil }
            checkVariable(name, at: item)
            return name
        }
    }

    mutating func checkVariable(_ name: String, at node: Node) {
        if !declaredVariables.contains(name) {
            reader.error(
                "unknown variable '\(name)'; declare it under 'variables:' if your shop sets it", at: node,
                hint: SpellingSuggestion.hint(for: name, in: Array(declaredVariables)))
        }
    }

    mutating func templates(_ node: Node, owner: String) -> LocalizedTemplates {
        var result: LocalizedTemplates = [:]
        let entries = reader.languageMap(node, "the text of \(owner)")
        if entries.isEmpty, case .mapping = node { reader.error("\(owner) has no text in any language", at: node) }
        for (language, value) in entries {
            guard let source = reader.nonEmptyString(value, "the \(language.rawValue) text of \(owner)") else { continue }
            do {
                let template = try Template(source)
                for name in template.variables where !declaredVariables.contains(name) {
                    let at = position(of: "{{", name: name, in: source, node: value)
                    reader.error(
                        "unknown variable '\(name)' in \(owner)", at: at,
                        hint: SpellingSuggestion.hint(for: name, in: Array(declaredVariables)))
                }
                result[language] = template
            } catch {
                reader.error("\(error.message) in \(owner)", at: fileLocation(line: error.line, column: error.column, in: value))
            }
        }
        return result
    }

    /// Where a variable tag sits in the file, for pointing at it.
    func position(of open: String, name: String, in source: String, node: Node) -> SourceLocation {
        var line = 1
        for l in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if let r = l.range(of: name), l[..<r.lowerBound].contains("{{") {
                let column = l[..<r.lowerBound].unicodeScalars.count + 1
                return fileLocation(line: line, column: column, in: node)
            }
            line += 1
        }
        return reader.location(node)
    }

    /// Maps a line and column inside a scalar's text to the file. Block scalars
    /// (`|`, `>`) start on the line after their indicator, at the block's
    /// indentation; quoted scalars start one column after the quote.
    func fileLocation(line: Int, column: Int, in node: Node) -> SourceLocation {
        var location = reader.location(node)
        guard case .scalar(let scalar) = node else { return location }
        switch scalar.style {
        case .literal, .folded:
            let first = location.line  // 1-based line of the indicator; content starts below it
            let contentLine = first + line
            let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let indent = contentLine - 1 < lines.count ? lines[contentLine - 1].prefix { $0 == UInt8(ascii: " ") }.count : 0
            location.line = contentLine
            location.column = indent + column
        case .singleQuoted, .doubleQuoted:
            location.line += line - 1
            location.column = line == 1 ? location.column + column : column
        default:
            location.line += line - 1
            location.column = line == 1 ? location.column + column - 1 : column
        }
        return location
    }
}
