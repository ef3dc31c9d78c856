import ArgumentParser
import Foundation
import KefuCore

/// `kefu learn import FILE.tsv`: a shop's labelled history as learned
/// examples, for a cold start.
struct LearnImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Learn a shop's labelled messages: the TSV of kefu eval (columns text, intents).",
        discussion: """
            Intents are joined by '+'; 'other' (or an empty cell) teaches that \
            the message is no intent. Imported examples count as confirmed. \
            Buyer text is redacted as in the usage log. Rows naming an intent \
            no loaded pack declares are skipped and reported.
            """)

    @Argument(help: ArgumentHelp("Labelled TSV file.", valueName: "file.tsv"))
    var file: String

    @Option(
        name: .long, help: ArgumentHelp("Keep only rows whose 'mapping' column is this value or 'none' (as kefu eval).", valueName: "value")
    )
    var mapping: String?

    @OptionGroup var library: LibraryOptions

    func run() throws {
        let errors = StandardError()
        let tsv = try LabelledTSV.load(file, mapping: mapping)
        // The intents that exist without the learned pack itself.
        var options = library
        options.noLearned = true
        let known = Set(options.loadLibrary(Configuration.load(reportingTo: errors)).intents.keys)
        let normalizer = TextNormalizer()
        var rows: [(text: String, folded: String, language: Language, intent: String)] = []
        var unknown: [String: [Int]] = [:]
        for record in tsv.records {
            if let m = mapping, record.fields["mapping"] != m, record.fields["mapping"] != "none" { continue }
            let raw = record.fields["text"] ?? ""
            var labels = (record.fields["intents"] ?? "").split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            if labels.isEmpty { labels = [otherIntentID] }
            let redacted = Redaction.redact(raw, normalizer: normalizer)
            let normal = normalizer.normalize(redacted)
            guard !normal.isEmpty else { continue }
            for label in labels {
                guard label == otherIntentID || known.contains(label) else { unknown[label, default: []].append(record.line); continue }
                rows.append((redacted, normal.folded, normal.language, label))
            }
        }
        for (intent, lines) in unknown.sorted(by: { $0.key < $1.key }) {
            errors.write(
                "\(file): skipped \(lines.count) row(s) of unknown intent '\(intent)' (line \(lines.prefix(5).map(String.init).joined(separator: ", "))\(lines.count > 5 ? ", …" : ""))\n"
            )
        }
        let result: (added: Int, known: Int)
        do { result = try LearnCommand.store.voteAll(rows, source: .imported, votes: LearningPolicy.confirmations) } catch {
            errors.write("kefu: \(error)\n")
            throw ExitCode(1)
        }
        StandardOutput.print(
            "learned \(result.added) new example(s) from \(file)" + (result.known > 0 ? "; \(result.known) already known (confirmed)" : ""))
    }
}
