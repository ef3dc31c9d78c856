import ArgumentParser
import Foundation
import KefuCore

struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Read buyer messages from stdin and write ranked draft replies.",
        discussion: """
            Reads one message per line (default), JSON Lines records \
            ({"id": ..., "text": ..., "vars": {...}}) with --input jsonl, or blocks \
            separated by blank lines with --input blocks. Writes one result per \
            record, in order, flushed as soon as it is ready.

            A bad record (invalid UTF-8, JSON that does not parse, more than 1 MiB) \
            produces an error result for that record and the rest go on.

            Exit status: 0 when every record succeeded, 1 when some failed, \
            2 for usage errors.

            Examples:
              echo "where is my parcel" | kefu suggest
              kefu suggest --format jsonl --top 3 < messages.txt
              kefu suggest --input jsonl --format jsonl --var shop=Acme < chats.jsonl
            """)

    @Option(name: .long, help: "Input format: lines, jsonl or blocks.")
    var input: InputFormatArgument = .lines

    @Option(name: .long, help: "Output format: text or jsonl.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Number of drafts per message.")
    var top: Int = 5

    @Option(name: .long, help: ArgumentHelp("Write drafts in this language: auto, zh-Hans, zh-Hant or en.", valueName: "language"))
    var lang: String = "auto"

    @Option(name: .customLong("var"), help: ArgumentHelp("Set a template variable for every message, e.g. --var shop=Acme (repeatable).", valueName: "key=value"))
    var variables: [VariableAssignment] = []

    @Option(name: .long, help: ArgumentHelp("Render this on-demand snippet (e.g. payment-reminder.gentle) for every message.", valueName: "id"))
    var snippet: String?

    @Flag(name: .long, help: "Include why each draft was offered.")
    var explain = false

    @OptionGroup var library: LibraryOptions
    @OptionGroup var externalPlugins: ExternalPluginOptions

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    struct InputFormatArgument: ExpressibleByArgument {
        var value: InputFormat
        init?(argument: String) {
            guard let v = InputFormat(rawValue: argument) else { return nil }
            value = v
        }
        static let lines = InputFormatArgument(argument: "lines")!
        static var allValueStrings: [String] { InputFormat.allCases.map(\.rawValue) }
    }

    func validate() throws {
        guard top >= 1 && top <= 100 else { throw ValidationError("--top must be between 1 and 100") }
        guard lang == "auto" || Language(tag: lang) != nil else {
            throw ValidationError("unknown language '\(lang)': use auto, zh-Hans, zh-Hant or en")
        }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        OrderlyTermination.install()
        let configuration = Configuration.load(reportingTo: StandardError())
        let session = PluginSession(library: library, plugins: externalPlugins, configuration: configuration, variables: configuration.variables)
        defer { session.host.shutdown() }
        let engine = session.engine
        if let id = snippet, !engine.library.snippets.contains(where: { $0.id == id }) {
            throw ValidationError("no snippet with id '\(id)' (see kefu plugins list)")
        }
        var base = configuration.variables
        for v in variables { base[v.key] = v.value }
        var reader = RecordReader(format: input.value)
        let decoder = RecordDecoder(format: input.value)
        var failures = 0
        let language = Language(tag: lang)
        var out = ResultWriter()
        while let record = reader.next(), !StandardOutput.closed {
            let more = reader.hasRecordReady
            switch decoder.decode(record) {
            case .failure(let f):
                failures += 1
                switch format {
                case .jsonl: out.write(Array((SuggestionJSON.error(id: f.id, record: record.number, message: f.message) + "\n").utf8), moreWaiting: more)
                case .text: out.write("#\(record.number) error: \(f.message)\n\n", moreWaiting: more)
                }
                StandardError().write("kefu: \(f.message)\n")
            case .success(let m):
                let request = SuggestionRequest(
                    variables: base, recordVariables: m.variables, language: language,
                    maxDrafts: top, snippet: snippet, explain: explain)
                let s = session.suggest(m.text, request)
                switch format {
                case .jsonl: out.write(SuggestionJSON.line(id: m.id, s, explain: explain), moreWaiting: more)
                case .text: out.write(SuggestionText.render(id: record.number, s, explain: explain) + "\n", moreWaiting: more)
                }
            }
        }
        out.flush()
        // A write that failed is reported by `KefuCommand.entry`, non-zero.
        if failures > 0 || StandardOutput.closed { throw ExitCode(1) }
    }
}
