import Foundation

/// A buyer message after normalisation: the form every detector and extractor reads.
public struct NormalizedText: Sendable {
    /// NFKC, control sequences removed, original case and script: what entities
    /// are extracted from and what may be echoed.
    package let display: String
    /// `display` case-folded, Traditional → Simplified, white space collapsed to
    /// single spaces: what triggers, patterns and the classifier match against.
    public let folded: String
    /// `folded` as scalar values, for the phrase automaton and n-gram features.
    package let scalars: [UInt32]
    /// The buyer's language, by dominant script.
    public let language: Language
    /// Number of Han characters and of Latin words (for language decisions downstream).
    package let hanCount: Int
    package let latinWordCount: Int

    package var isEmpty: Bool { scalars.isEmpty }
}
