import KefuCore

/// Rows of cells printed as aligned columns, two spaces apart, measured in
/// terminal columns (`DisplayWidth`: a Chinese character takes two), so
/// `kefu plugins list` stays readable with Chinese pack names. The last
/// column is not padded (no trailing blanks); notes are lines under a row
/// that take no part in the alignment.
struct TextTable {
    private enum Row {
        case cells([String])
        case note(String)
    }

    private var rows: [Row] = []

    mutating func append(_ cells: String...) { rows.append(.cells(cells)) }
    mutating func append(cells: [String]) { rows.append(.cells(cells)) }

    /// A line of its own under the last row, indented further.
    mutating func note(_ text: String) { rows.append(.note(text)) }

    /// One line per row, each starting with `indent`, ending with "\n".
    func render(indent: String = "  ") -> String {
        var widths: [Int] = []
        for case .cells(let cells) in rows {
            for (i, cell) in cells.enumerated() {
                if i == widths.count { widths.append(0) }
                widths[i] = max(widths[i], DisplayWidth.of(cell))
            }
        }
        var out = ""
        for row in rows {
            switch row {
            case .note(let text):
                out += indent + "    " + text + "\n"
            case .cells(let cells):
                var line = indent
                for (i, cell) in cells.enumerated() {
                    line += cell
                    if i < cells.count - 1 { line += String(repeating: " ", count: widths[i] - DisplayWidth.of(cell) + 2) }
                }
                while line.hasSuffix(" ") { line.removeLast() }
                out += line + "\n"
            }
        }
        return out
    }
}
