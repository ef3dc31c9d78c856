import ArgumentParser
import Foundation
import KefuCore

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure intent detection on labelled messages.",
        discussion: """
            FILE is tab-separated with a header naming at least the columns \
            'text' and 'intents' (intent ids joined by '+', 'other' for none). \
            Reports per-intent precision, recall and F1, macro-F1 over the \
            intents the file labels, the top-3 hit rate, the share of 'other' \
            rows given an intent, and the most frequent confusions.

            --without DETECTOR leaves one of the core detectors out (phrases, \
            classifier, model), to measure what each brings.

            --mapping exact keeps only rows whose 'mapping' column is 'exact' or \
            'none' (the labels that mean exactly a kefu intent, and the rows \
            that are no intent).
            """)

    @Argument(help: ArgumentHelp("Labelled TSV file.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("Keep only rows whose 'mapping' column is this value or 'none'.", valueName: "value"))
    var mapping: String?

    @Option(name: .long, help: ArgumentHelp("A readable report or one JSON object.", valueName: "format"))
    var format: Format = .text

    @Option(name: .customLong("without"), help: ArgumentHelp("Leave a core detector out, to compare (repeatable).", valueName: "detector"))
    var without: [CoreDetector] = []

    @OptionGroup var library: LibraryOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        let tsv = try LabelledTSV.load(file, mapping: mapping)
        let rows = tsv.rows { fields in
            guard let m = mapping else { return true }
            return fields["mapping"] == m || fields["mapping"] == "none"
        }
        let configuration = Configuration.load(reportingTo: StandardError())
        var options = configuration.engineOptions
        options.disabledDetectors = Set(without)
        let engine = library.makeEngine(configuration, options: options)
        let e = Evaluation(engine: engine, rows: rows)
        switch format {
        case .text: StandardOutput.print(report(e))
        case .json: StandardOutput.print(json(e))
        }
    }

    func report(_ e: Evaluation) -> String {
        var out =
            "\(file)\(mapping.map { " (mapping \($0) + none)" } ?? "")\(without.isEmpty ? "" : " without " + without.map(\.rawValue).joined(separator: ", ")): \(e.rows) rows, \(e.labelledRows) labelled, \(e.otherRows) other\n\n"
        out += "intent".padding(toLength: 16, withPad: " ", startingAt: 0) + "support  precision  recall     F1\n"
        for s in e.perIntent {
            out +=
                s.intent.padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(s.support).leftPadded(7) + f(s.precision).leftPadded(11) + f(s.recall).leftPadded(8) + f(s.f1).leftPadded(7) + "\n"
        }
        out += "\nas the agent sees it (first 3 drafts):\n"
        out += "draft 1 fits    \(f(e.draft1Fits))\n"
        out += "one of 3 fits   \(f(e.anyOf3Fits))\n"
        out += "generic         \(f(e.genericShare))  (labelled rows answered with generic drafts)\n"
        out += "hedged          \(f(e.hedgedShare))  (labelled rows answered with a marked guess)\n"
        out += "other → drafts  \(f(e.otherGivenShopDrafts))  (other rows given shop drafts)\n"
        out += "\nmacro-F1        \(f(e.macroF1))\n"
        out += "top-3 hit rate  \(f(e.top3))\n"
        out += "other flagged   \(f(e.otherFlagged))  (other rows given an intent)\n"
        out += "exact match     \(f(e.exactMatch))\n"
        if !e.confusions.isEmpty {
            out += "\nmost frequent confusions (gold → predicted):\n"
            for c in e.confusions.prefix(12) { out += "  \(String(c.count).leftPadded(4))  \(c.gold) → \(c.predicted)\n" }
        }
        return out
    }

    func json(_ e: Evaluation) -> String {
        JSONWriter.encode(
            .object([
                ("file", .string(file)),
                ("rows", .int(e.rows)),
                ("macro_f1", .number(e.macroF1)),
                ("top3", .number(e.top3)),
                ("other_flagged", .number(e.otherFlagged)),
                ("exact_match", .number(e.exactMatch)),
                ("draft1_fits", .number(e.draft1Fits)),
                ("any_of_3_fits", .number(e.anyOf3Fits)),
                ("generic", .number(e.genericShare)),
                ("hedged", .number(e.hedgedShare)),
                ("other_given_shop_drafts", .number(e.otherGivenShopDrafts)),
                (
                    "intents",
                    .array(
                        e.perIntent.map { s in
                            .object([
                                ("intent", .string(s.intent)), ("support", .int(s.support)), ("precision", .number(s.precision)),
                                ("recall", .number(s.recall)), ("f1", .number(s.f1)),
                            ])
                        })
                ),
            ]))
    }

    func f(_ x: Double) -> String { String(format: "%.3f", x) }
}

extension CoreDetector: ExpressibleByArgument {}
