import ArgumentParser
import Foundation
import KefuCore

struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Read buyer messages from stdin and write ranked draft replies.",
        // Generated, it would be `kefu suggest <options>`, as if options were required.
        usage: "kefu suggest [<options>] < messages",
        discussion: """
            Reads one message per line (default), JSON Lines records \
            ({"id": ..., "text": ..., "vars": {...}, "thread": ...}) with --input jsonl, \
            or blocks separated by blank lines with --input blocks. Writes one result \
            per record, in order, flushed as soon as it is ready. Records with the \
            same "thread" are one buyer's conversation: values found earlier fill \
            later drafts, and a follow-up leans toward the thread's intent.

            A bad record (invalid UTF-8, JSON that does not parse, more than 1 MiB) \
            produces an error result for that record and the rest go on.

            Exit status: 0 when every record succeeded, 1 when some failed, \
            2 for usage errors.

            Examples:
              echo "where is my parcel" | kefu suggest
              kefu suggest --format jsonl --top 3 < messages.txt
              kefu suggest --input jsonl --format jsonl --var shop=Acme < chats.jsonl
              kefu suggest --render-snippet payment-reminder.gentle < unpaid.txt
            """)

    @Option(name: .long, help: ArgumentHelp("How stdin is split into messages.", valueName: "format"))
    var input: InputFormat = .lines

    @Option(name: .long, help: ArgumentHelp("Readable text or one JSON object per message.", valueName: "format"))
    var format: OutputFormat = .text

    // Unconditional: `--top -1` is a value to refuse, not an option.
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Drafts per message, 1 to 100.", valueName: "n"))
    var top: Int = 5

    @Option(name: .long, help: ArgumentHelp("Write drafts in this language (auto: the buyer's).", valueName: "language"))
    var lang: LanguageChoice = .auto

    @Option(
        name: .customLong("var"),
        help: ArgumentHelp("Set a template variable for every message, e.g. --var shop=Acme (repeatable).", valueName: "key=value"))
    var variables: [VariableAssignment] = []

    @Option(
        name: .customLong("render-snippet"),
        help: ArgumentHelp("Render this snippet (e.g. the on-demand payment-reminder.gentle) for every message.", valueName: "id"))
    var renderSnippet: String?

    /// The old spelling of `--render-snippet`, one letter from `--snippets
    /// PATH`: still read, hidden from help, warned about.
    @Option(
        name: .customLong("snippet"),
        help: ArgumentHelp("Deprecated: the old name of --render-snippet.", valueName: "id", visibility: .hidden))
    var deprecatedSnippet: String?

    @Flag(name: .long, help: "Include why each draft was offered.")
    var explain = false

    @OptionGroup var library: LibraryOptions
    @OptionGroup var externalPlugins: ExternalPluginOptions

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    /// The snippet to render for every message, under either spelling.
    var snippet: String? { renderSnippet ?? deprecatedSnippet }

    func validate() throws {
        guard (1...100).contains(top) else { throw ValidationError("--top must be between 1 and 100, not \(top)") }
        if renderSnippet != nil && deprecatedSnippet != nil {
            throw ValidationError("--snippet is the old name of --render-snippet: give one of them")
        }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        OrderlyTermination.install()
        let configuration = Configuration.load(reportingTo: StandardError())
        let session = PluginSession(
            library: library, plugins: externalPlugins, configuration: configuration, variables: configuration.variables)
        defer { session.host.shutdown() }
        let engine = session.engine
        if deprecatedSnippet != nil {
            StandardError().write(
                "kefu: warning: --snippet is deprecated and will be removed: use --render-snippet (it differed by one letter from --snippets PATH)\n"
            )
        }
        if let id = snippet, !engine.library.snippets.contains(where: { $0.id == id }) {
            throw ValidationError("no snippet with id '\(id)' (see kefu plugins list)")
        }
        var base = configuration.variables
        for v in variables { base[v.key] = v.value }
        var reader = RecordReader(format: input)
        let decoder = RecordDecoder(format: input)
        var failures = 0
        let language = lang.language
        var out = ResultWriter()
        var conversations = Conversations()
        // Answered on every core when nothing ties records together (no
        // thread, no external plugin): `ParallelAnswers`.
        let parallelOK = session.host.plugins.isEmpty
        while let first = reader.next(), !StandardOutput.closed {
            // What standard input already holds, never waiting for more.
            var records = [first]
            while records.count < ParallelAnswers.batchLimit, reader.hasRecordReady, let r = reader.next() { records.append(r) }
            let decoded = records.map { decoder.decode($0) }
            var requests: [Request] = []
            for (record, d) in zip(records, decoded) {
                guard case .success(let m) = d else { continue }
                let request = SuggestionRequest(
                    variables: base, recordVariables: m.variables, language: language, maxDrafts: top, snippet: snippet, explain: explain)
                requests.append(Request(id: m.id, number: record.number, text: m.text, request: request, thread: m.thread))
            }
            let (format, explain) = (format, explain)
            let lines: [[UInt8]]
            if !parallelOK || requests.contains(where: { $0.thread != nil }) {
                // A record of a thread is answered with what the thread's
                // earlier records said; one without is answered alone.
                lines = requests.map { r in
                    let s =
                        r.thread.map {
                            conversations.suggest(r.text, thread: $0, r.request, library: engine.library, answer: session.suggest)
                        }
                        ?? session.suggest(r.text, r.request)
                    return Self.rendered(s, of: r, format: format, explain: explain)
                }
            } else {
                let batch = requests
                lines = ParallelAnswers.answers(count: batch.count, parallel: true) {
                    Self.rendered(engine.suggest(batch[$0].text, batch[$0].request), of: batch[$0], format: format, explain: explain)
                }
            }
            var next = lines.makeIterator()
            for (i, (record, d)) in zip(records, decoded).enumerated() {
                let more = i < records.count - 1 || reader.hasRecordReady
                switch d {
                case .failure(let f):
                    failures += 1
                    switch format {
                    case .jsonl:
                        out.write(
                            Array((SuggestionJSON.error(id: f.id, record: record.number, message: f.message) + "\n").utf8),
                            moreWaiting: more)
                    case .text: out.write("#\(record.number) error: \(f.message)\n\n", moreWaiting: more)
                    }
                    StandardError().write("kefu: \(f.message)\n")
                case .success:
                    if let line = next.next() { out.write(line, moreWaiting: more) }
                }
            }
        }
        out.flush()
        // A write that failed is reported by `KefuCommand.entry`, non-zero.
        if failures > 0 || StandardOutput.closed { throw ExitCode(1) }
    }

    /// One decoded record to answer.
    private struct Request: Sendable {
        var id: JSONWriter.Value
        var number: Int
        var text: String
        var request: SuggestionRequest
        var thread: String?
    }

    /// An answer as written: a JSON line (escaped by the writer), or the
    /// text block and its blank line through the output sanitiser, as
    /// `ResultWriter.write(_: String)` would.
    private static func rendered(_ s: Suggestion, of r: Request, format: OutputFormat, explain: Bool) -> [UInt8] {
        switch format {
        case .jsonl: SuggestionJSON.line(id: r.id, s, explain: explain)
        case .text: Array(OutputSanitizer.visible(SuggestionText.render(id: r.number, s, explain: explain) + "\n").utf8)
        }
    }
}
