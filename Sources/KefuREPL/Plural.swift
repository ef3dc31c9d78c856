/// A count with its noun, singular or plural as English needs it:
/// "1 draft", "2 drafts", "0 drafts".
enum Plural {
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }
}
