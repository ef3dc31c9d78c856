import Foundation
import KefuTestSupport
import Testing

@testable import KefuCore

/// A labelled TSV file of the checkout (the blind set, the labelled
/// messages) and the per-intent floor every such set is held to.
enum LabelledFile {
    /// The rows of `relative`; none when it is missing or unreadable (the
    /// tests on its size then fail).
    static func rows(_ relative: String) -> [Evaluation.Row] {
        guard let text = try? String(contentsOf: Checkout.url(relative), encoding: .utf8), let tsv = try? LabelledTSV(text) else {
            return []
        }
        return tsv.rows()
    }

    /// Fails when `intent`'s F1 in `evaluation` is under `floor`, with its
    /// precision and recall.
    static func expectF1(
        of intent: String, in evaluation: Evaluation, atLeast floor: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let score = try #require(evaluation.perIntent.first { $0.intent == intent }, sourceLocation: sourceLocation)
        #expect(
            score.f1 >= floor, "\(intent): F1 \(score.f1) (precision \(score.precision), recall \(score.recall)) below \(floor)",
            sourceLocation: sourceLocation)
    }
}
