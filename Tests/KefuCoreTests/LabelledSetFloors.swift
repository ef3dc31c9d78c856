/// Accuracy floors on the labelled bilingual set
/// (Fixtures/labelled-messages.tsv, written for the project and never used to
/// tune the packs). Each floor sits a few points below what the engine
/// measured when it was set (in brackets), so a change that makes detection
/// worse fails the suite while run-to-run-stable wording changes do not.
enum LabelledSetFloors {
    static let macroF1 = 0.85  // measured 0.890
    static let top3 = 0.94  // 0.976
    static let otherFlagged = 0.13  // 0.089
    static let defaultF1 = 0.8
    static let f1: [String: Double] = [
        "bargain": 0.74,  // 0.789
        "product_info": 0.66,  // 0.712
        "urge_delivery": 0.72,  // 0.766
        "item_problem": 0.8,  // 0.840
    ]
}
