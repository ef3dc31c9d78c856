import ArgumentParser
import Foundation
import KefuCore

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
            tested, on top of every other loaded pack. Exit status 1 on any \
            failure or broken pack.
            """)

    @Argument(help: ArgumentHelp("Pack files or folders to test (default: every loaded pack).", valueName: "path"))
    var paths: [String] = []

    @Flag(name: .long, help: "List passing cases too.")
    var verbose = false

    @OptionGroup var library: LibraryOptions

    func run() throws {
        var options = library
        options.extraPaths += paths
        let lib = options.loadLibrary()
        let errors = StandardError()
        for d in lib.diagnostics { errors.write("\(d)\n") }
        let engine = Engine(library: lib, detectorFactories: KefuPluginsBridge.detectorFactories, extractors: KefuPluginsBridge.extractors)
        var sources: Set<String>? = nil
        if !paths.isEmpty {
            sources = Set(paths.flatMap { PackSource.files(at: $0, layer: .commandLine).sources.map(\.path) })
        }
        let cases = ExampleTester(engine: engine).run(sources: sources)
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
            print("\(c.location): \(mark) \(c.kind.rawValue) “\(Terminal.inert(c.text))”: \(expectation); got \(got.isEmpty ? "nothing" : got)")
        }
        print("")
        print("intent".padding(toLength: 20, withPad: " ", startingAt: 0) + "passed  failed")
        for (intent, r) in byIntent.sorted(by: { $0.key < $1.key }) {
            print(intent.padding(toLength: 20, withPad: " ", startingAt: 0) + String(r.pass).leftPadded(6) + String(r.fail).leftPadded(8))
        }
        let failed = cases.filter { !$0.passed }.count
        print("\(cases.count - failed) passed, \(failed) failed")
        if !lib.diagnostics.isEmpty { print("\(lib.failures.count) pack(s) could not be loaded (see above)") }
        if failed > 0 || !lib.diagnostics.isEmpty { throw ExitCode(1) }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
