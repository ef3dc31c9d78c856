/// One kind of value (or one family read together, such as height and
/// weight), recognised by its own rules and tested by its own examples.
///
/// Recognisers run before the extractor's token rules and claim the text
/// they read: a number inside a claimed address, tax ID or measurement is
/// never read again as a size, SKU or order number.
protocol EntityRecognizer: Sendable {
    /// Values found in the message, each with the folded text it claims.
    func recognize(_ input: RecognizerInput) -> [Recognition]
    /// Messages and what must be found in them, run by the tests.
    static var examples: [EntityExample] { get }
    /// Messages and what must not be found in them.
    static var counterExamples: [EntityExample] { get }
}

/// A recognised value and the range of folded scalars it was read from.
struct Recognition: Sendable {
    var entity: Entity
    var range: Range<Int>
}

/// One row of a recogniser's example table: in `text`, an entity of `kind`
/// with `value` (any value when nil) and at least these `attributes`; in a
/// counter-example, no such entity.
package struct EntityExample: Sendable, CustomStringConvertible {
    package var text: String
    package var kind: EntityKind
    package var value: String?
    package var attributes: [String: String]

    package init(_ text: String, _ kind: EntityKind, _ value: String? = nil, _ attributes: [String: String] = [:]) {
        self.text = text
        self.kind = kind
        self.value = value
        self.attributes = attributes
    }

    /// Whether `entities` hold what this row describes.
    package func isFound(in entities: [Entity]) -> Bool {
        entities.contains { e in
            e.kind == kind && (value == nil || e.value == value) && attributes.allSatisfy { e.attributes[$0.key] == $0.value }
        }
    }

    package var description: String { "\(text) → \(kind.rawValue)\(value.map { "=" + $0 } ?? "")" }
}
