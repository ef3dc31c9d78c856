import ArgumentParser
import Foundation
import KefuCore

extension LabelledTSV {
    /// A labelled file named on the command line (`kefu eval`, `kefu learn
    /// import`), its problems as usage errors that name it; `mapping` needs
    /// the file to have a `mapping` column.
    static func load(_ file: String, mapping: String?) throws -> LabelledTSV {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read '\(file)'")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ValidationError("'\(file)' is not UTF-8 text") }
        let tsv: LabelledTSV
        do { tsv = try LabelledTSV(text) } catch { throw ValidationError("\(file): \(error)") }
        if mapping != nil && !tsv.columns.contains("mapping") {
            throw ValidationError("\(file) has no 'mapping' column to filter on")
        }
        return tsv
    }
}
