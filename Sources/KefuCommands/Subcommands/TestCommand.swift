import ArgumentParser
import Foundation
import KefuCore
import KefuExternalPlugins

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Check that every pack example yields its intent and no counter-example does.",
        discussion: """
            Each example is tested as if kefu had never seen it (the classifier \
            leaves it out), and must put its intent among the top three \
            candidates. Each counter-example must not be confidently detected as \
            its intent; each example of the reserved intent 'other' must not be \
            detected as any intent.

            With PATHs, only the examples of those pack files or folders are \
            tested, on top of every other loaded pack. The examples kefu \
            learned from copies are loaded but not tested (kefu learn export \
            writes the ones that pass).

            Every snippet is also held to the truth rule (a fact it states, \
            such as stock or a ship date, is declared under 'asserts:' and \
            backed by a value) and rendered with all, none and each but one \
            of its values to find template debris (double spaces, empty \
            brackets, dangling words). Exit status 1 on any failure or broken \
            pack.
            """)

    @Argument(help: ArgumentHelp("Pack files or folders to test (default: every loaded pack).", valueName: "path"))
    var paths: [String] = []

    @Flag(name: .long, help: "List passing cases too.")
    var verbose = false

    @OptionGroup var library: LibraryOptions
    @OptionGroup var externalPlugins: ExternalPluginOptions

    func run() throws {
        var options = library
        options.extraPaths += paths
        let errors = StandardError()
        // External plugins take part as they do in `kefu suggest`, and their
        // own declared examples are tested below.
        // A loaded CI machine must not fail an example for slowness: 2 s per
        // request unless --plugin-deadline says otherwise.
        let session = PluginSession(
            library: options, plugins: externalPlugins, configuration: Configuration.load(reportingTo: errors), defaultDeadline: 2,
            errors: errors)
        defer { session.host.shutdown() }
        let lib = session.engine.library
        let engine = session.engine
        var sources: Set<String>? = nil
        if !paths.isEmpty {
            sources = Set(paths.flatMap { PackSource.files(at: $0, layer: .commandLine).sources.map(\.path) })
        }
        // Intents declared by plugins are tested as plugin examples, not twice.
        // Learned examples are not tests someone wrote: a message kefu
        // missed fails held out by definition. They are tested when
        // exported (kefu learn export) or named as a PATH.
        let learned = Set(lib.packs.filter { $0.layer == .learned }.map(\.source))
        let cases = ExampleTester(engine: engine).run(sources: sources)
            .filter { !$0.location.file.hasPrefix(PluginIntentsPack.sourcePrefix) && !learned.contains($0.location.file) }
        var byIntent: [String: (pass: Int, fail: Int)] = [:]
        for c in cases {
            byIntent[c.intent, default: (0, 0)].pass += c.passed ? 1 : 0
            byIntent[c.intent, default: (0, 0)].fail += c.passed ? 0 : 1
            guard !c.passed || verbose else { continue }
            let mark = c.passed ? "ok  " : "FAIL"
            let got = c.got.prefix(3).map { "\($0.intent) \(Int(($0.confidence * 100).rounded()))%" }.joined(separator: ", ")
            let expectation: String
            switch c.kind {
            case .example: expectation = "expected \(c.intent) in the top 3"
            case .counterExample: expectation = "must not be \(c.intent)"
            case .other: expectation = "must be no intent"
            }
            StandardOutput.print(
                "\(c.location): \(mark) \(c.kind.rawValue) “\(Terminal.inert(c.text))”: \(expectation); got \(got.isEmpty ? "nothing" : got)"
            )
        }
        // Built-in code plugins' examples when testing everything, not when
        // scoped to some pack files.
        let pluginCases = (paths.isEmpty ? CodePluginExamples.run(session) : []) + ExternalPluginExamples.run(session)
        for c in pluginCases {
            byIntent["plugin " + c.plugin, default: (0, 0)].pass += c.passed ? 1 : 0
            byIntent["plugin " + c.plugin, default: (0, 0)].fail += c.passed ? 0 : 1
            guard !c.passed || verbose else { continue }
            StandardOutput.print(
                "plugin:\(c.plugin): \(c.passed ? "ok  " : "FAIL") “\(Terminal.inert(c.text))”: \(c.expectation); got \(Terminal.inert(c.got))"
            )
        }
        // The truth rule and template debris, over the same packs.
        let packProblems = TruthAudit(library: lib).run(files: sources) + RenderAudit(library: lib).run(files: sources)
        for d in packProblems { StandardOutput.print(Terminal.inert(d.description)) }
        StandardOutput.print("")
        StandardOutput.print("intent".padding(toLength: 20, withPad: " ", startingAt: 0) + "passed  failed")
        for (intent, r) in byIntent.sorted(by: { $0.key < $1.key }) {
            StandardOutput.print(
                intent.padding(toLength: max(20, intent.count + 1), withPad: " ", startingAt: 0) + String(r.pass).leftPadded(6)
                    + String(r.fail).leftPadded(8))
        }
        let failed = cases.filter { !$0.passed }.count + pluginCases.filter { !$0.passed }.count
        StandardOutput.print("\(cases.count + pluginCases.count - failed) passed, \(failed) failed")
        if !packProblems.isEmpty {
            StandardOutput.print("\(packProblems.count) snippet problem(s): unsourced claims or template debris (see above)")
        }
        if !lib.diagnostics.isEmpty { StandardOutput.print("\(lib.failures.count) pack(s) could not be loaded (see above)") }
        if failed > 0 || !packProblems.isEmpty || !lib.diagnostics.isEmpty { throw ExitCode(1) }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
