/// Finds values in a message (order numbers, tracking numbers, amounts...)
/// that fill template variables.
public protocol EntityExtractor: Sendable {
    var id: String { get }
    func extract(from text: NormalizedText) -> [Entity]
}
