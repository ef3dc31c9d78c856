/// Accuracy floors on the labelled bilingual set. Set a little below what the
/// engine measured when they were last raised (see the closing notes), so a
/// change that makes detection worse fails the suite.
enum LabelledSetFloors {
    static let macroF1 = 0.75
    static let top3 = 0.9
    static let otherFlagged = 0.2
    static let defaultF1 = 0.6
    static let f1: [String: Double] = [:]
}
