import Foundation
import KefuCore

/// Reads `catalog.csv`: a header row naming the columns (sku, name, name_en,
/// aliases, price, tags, bundle, bundle_discount, stock); lists inside a cell
/// are separated by `|`. Quoted cells may hold commas.
enum CatalogCSVReader {
    static func read(_ text: String, file: String) throws -> Catalog {
        var rows: [(line: Int, cells: [(text: String, column: Int)])] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let l = line.hasSuffix("\r") ? line.dropLast() : line
            if l.trimmingCharacters(in: .whitespaces).isEmpty || l.hasPrefix("#") { continue }
            rows.append((n + 1, cells(of: l)))
        }
        guard let header = rows.first else {
            throw Diagnostic("empty catalogue", at: SourceLocation(file: file, line: 1, column: 1))
        }
        let columns = header.cells.map { $0.text.lowercased().trimmingCharacters(in: .whitespaces) }
        for need in ["sku", "name", "price", "stock"] where !columns.contains(need) {
            throw Diagnostic("the header needs a \(need) column", at: SourceLocation(file: file, line: header.line, column: 1))
        }
        var products: [CatalogProduct] = []
        for row in rows.dropFirst() {
            func cell(_ name: String) -> (text: String, column: Int)? {
                columns.firstIndex(of: name).flatMap { $0 < row.cells.count ? row.cells[$0] : nil }
            }
            func fail(_ name: String, _ message: String) -> Diagnostic {
                Diagnostic(message, at: SourceLocation(file: file, line: row.line, column: cell(name)?.column ?? 1))
            }
            func list(_ name: String) -> [String] {
                (cell(name)?.text ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            let sku = cell("sku")?.text ?? ""
            guard !sku.isEmpty else { throw fail("sku", "row needs a sku") }
            guard let price = Double(cell("price")?.text ?? ""), price >= 0 else {
                throw fail("price", "price of \(sku) must be a number, found '\(cell("price")?.text ?? "")'")
            }
            guard let stock = Int(cell("stock")?.text ?? ""), stock >= 0 else {
                throw fail("stock", "stock of \(sku) must be a whole number, found '\(cell("stock")?.text ?? "")'")
            }
            var discount = 10.0
            if let d = cell("bundle_discount")?.text, !d.isEmpty {
                guard let x = Double(d), (0..<100).contains(x) else {
                    throw fail("bundle_discount", "bundle_discount of \(sku) must be a percentage 0-99")
                }
                discount = x
            }
            let name = cell("name")?.text ?? ""
            products.append(
                CatalogProduct(
                    sku: sku, nameChinese: name, nameEnglish: cell("name_en")?.text ?? name, aliases: list("aliases"), price: price,
                    tags: list("tags"), bundle: list("bundle"), bundleDiscount: discount, stock: stock))
        }
        return try Catalog(products: products, currency: "¥", file: file)
    }

    /// Cells of one line with their 1-based columns; `"..."` quotes commas, `""` is a quote.
    static func cells(of line: Substring) -> [(text: String, column: Int)] {
        var out: [(String, Int)] = []
        var current = "", start = 1, column = 0, quoted = false, wasQuote = false
        for ch in line {
            column += 1
            if quoted {
                if ch == "\"" { quoted = false; wasQuote = true } else { current.append(ch) }
                continue
            }
            if ch == "\"" { if wasQuote { current.append("\"") }; quoted = true; continue }
            wasQuote = false
            if ch == "," { out.append((current.trimmingCharacters(in: .whitespaces), start)); current = ""; start = column + 1; continue }
            current.append(ch)
        }
        out.append((current.trimmingCharacters(in: .whitespaces), start))
        return out
    }
}
