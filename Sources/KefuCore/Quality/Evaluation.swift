import Foundation

/// Measures intent detection against labelled messages (`kefu eval`): per
/// intent precision, recall and F1, macro-F1 over the intents the data
/// labels, top-3 hit rate, how often messages labelled `other` are given an
/// intent, and the most frequent confusions.
package struct Evaluation: Sendable {
    package struct Row: Sendable {
        package var text: String
        /// Gold intents; empty means `other`.
        package var intents: Set<String>
        package init(text: String, intents: Set<String>) {
            self.text = text
            self.intents = intents
        }
    }

    package struct IntentScore: Sendable {
        package var intent: String
        package var support: Int
        package var truePositives: Int
        package var falsePositives: Int
        package var falseNegatives: Int
        package var precision: Double {
            truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        package var recall: Double { support == 0 ? 0 : Double(truePositives) / Double(support) }
        package var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    package var rows: Int
    /// Intents that the data labels at least once, sorted.
    package var perIntent: [IntentScore]
    package var macroF1: Double
    /// Share of labelled (non-`other`) rows whose gold intents include one of the top three candidates.
    package var top3: Double
    package var labelledRows: Int
    package var otherRows: Int
    /// Share of `other` rows given at least one confident intent.
    package var otherFlagged: Double
    /// (gold, predicted) → count, for predicted intents the row does not carry.
    package var confusions: [(gold: String, predicted: String, count: Int)]
    /// Share of rows whose predicted set equals the gold set exactly.
    package var exactMatch: Double
    /// What the agent sees, over labelled rows: draft 1 answers a gold intent.
    package var draft1Fits: Double
    /// One of the first three drafts answers a gold intent.
    package var anyOf3Fits: Double
    /// Share of labelled rows answered with generic drafts (nothing plausible).
    package var genericShare: Double
    /// Share of labelled rows answered with a hedged guess.
    package var hedgedShare: Double
    /// Share of `other` rows given shop drafts (reported or hedged): what
    /// the agent sees for unrelated text.
    package var otherGivenShopDrafts: Double

    package init(engine: Engine, rows: [Row]) {
        var tp: [String: Int] = [:], fp: [String: Int] = [:], fn: [String: Int] = [:], support: [String: Int] = [:]
        var top3Hits = 0, labelled = 0, others = 0, flagged = 0, exact = 0
        var draft1 = 0, anyOf3 = 0, generic = 0, hedged = 0, otherShop = 0
        let request = SuggestionRequest(maxDrafts: 3, explain: false)
        /// A gold label set read as one name, and what was detected instead.
        struct Confusion: Hashable { var gold: String; var predicted: String }
        var confusion: [Confusion: Int] = [:]
        for row in rows {
            // One pass per row: the answer carries the detection too.
            let answer = engine.suggest(row.text, request)
            let draftIntents = answer.drafts.map(\.intent)
            let predicted = Set(answer.intents.map(\.intent))
            if predicted == row.intents { exact += 1 }
            for g in row.intents {
                support[g, default: 0] += 1
                if predicted.contains(g) { tp[g, default: 0] += 1 } else { fn[g, default: 0] += 1 }
            }
            for p in predicted where !row.intents.contains(p) {
                fp[p, default: 0] += 1
                confusion[
                    Confusion(gold: row.intents.isEmpty ? otherIntentID : row.intents.sorted().joined(separator: "+"), predicted: p),
                    default: 0] += 1
            }
            if row.intents.isEmpty {
                others += 1
                if !predicted.isEmpty { flagged += 1 }
                if draftIntents.contains(where: { $0 != nil }) { otherShop += 1 }
            } else {
                labelled += 1
                if let first = draftIntents.first, let i = first, row.intents.contains(i) { draft1 += 1 }
                if draftIntents.contains(where: { $0.map(row.intents.contains) ?? false }) { anyOf3 += 1 }
                if !draftIntents.contains(where: { $0 != nil }) { generic += 1 }
                if answer.hedged { hedged += 1 }
                if answer.candidates.prefix(3).contains(where: { row.intents.contains($0.intent) }) { top3Hits += 1 }
                if predicted.isEmpty {
                    confusion[Confusion(gold: row.intents.sorted().joined(separator: "+"), predicted: "(none)"), default: 0] += 1
                }
            }
        }
        let inScope = support.keys.sorted()
        perIntent = inScope.map {
            IntentScore(
                intent: $0, support: support[$0] ?? 0, truePositives: tp[$0] ?? 0, falsePositives: fp[$0] ?? 0, falseNegatives: fn[$0] ?? 0)
        }
        macroF1 = perIntent.isEmpty ? 0 : perIntent.map(\.f1).reduce(0, +) / Double(perIntent.count)
        self.rows = rows.count
        labelledRows = labelled
        otherRows = others
        top3 = labelled == 0 ? 0 : Double(top3Hits) / Double(labelled)
        otherFlagged = others == 0 ? 0 : Double(flagged) / Double(others)
        exactMatch = rows.isEmpty ? 0 : Double(exact) / Double(rows.count)
        func share(_ n: Int, of d: Int) -> Double { d == 0 ? 0 : Double(n) / Double(d) }
        draft1Fits = share(draft1, of: labelled)
        anyOf3Fits = share(anyOf3, of: labelled)
        genericShare = share(generic, of: labelled)
        hedgedShare = share(hedged, of: labelled)
        otherGivenShopDrafts = share(otherShop, of: others)
        confusions = confusion.map { key, count in (key.gold, key.predicted, count) }.sorted {
            ($0.count, $1.gold, $1.predicted) > ($1.count, $0.gold, $0.predicted)
        }
    }
}

/// Reads labelled TSV: a header naming `text` and `intents` columns (others,
/// such as `mapping`, are available for filtering), intents joined by `+`,
/// `other` for none.
package struct LabelledTSV: Sendable {
    package struct Problem: Error, Sendable, CustomStringConvertible {
        package var line: Int
        package var message: String
        package var description: String { "line \(line): \(message)" }
    }

    package var columns: [String]
    package var records: [(line: Int, fields: [String: String])]

    package init(_ text: String) throws(Problem) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { throw Problem(line: 1, message: "the file is empty") }
        columns = header.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard columns.contains("text"), columns.contains("intents") else {
            throw Problem(line: 1, message: "the header must name the columns 'text' and 'intents' (tab-separated)")
        }
        records = []
        for (i, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == columns.count else {
                throw Problem(line: i + 1, message: "expected \(columns.count) tab-separated fields, found \(fields.count)")
            }
            records.append((i + 1, Dictionary(uniqueKeysWithValues: zip(columns, fields))))
        }
    }

    package func rows(where keep: ([String: String]) -> Bool = { _ in true }) -> [Evaluation.Row] {
        records.filter { keep($0.fields) }.map { r in
            let labels = Set(
                (r.fields["intents"] ?? "").split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                    !$0.isEmpty && $0 != otherIntentID
                })
            return Evaluation.Row(text: r.fields["text"] ?? "", intents: labels)
        }
    }
}
