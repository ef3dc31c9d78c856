/// A position in a pack file: 1-based line and column (columns in Unicode scalars).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var column: Int

    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, as editors and compilers write it.
    public var description: String { "\(file):\(line):\(column)" }

    /// In a pack embedded in the binary (`builtin:NAME.yaml`).
    package var isBuiltIn: Bool { file.hasPrefix("builtin:") }

    /// Line and column (1-based, columns in Unicode scalars) of the unit at
    /// `offset` of a text held as scalars or as UTF-8 bytes: the one count
    /// behind every position kefu reports (`startsScalar` skips a byte that
    /// continues a character).
    package static func lineColumn<Units: Collection>(
        of offset: Int, in units: Units, newline: Units.Element, startsScalar: (Units.Element) -> Bool = { _ in true }
    ) -> (line: Int, column: Int) where Units.Element: Equatable {
        var line = 1, column = 1
        for unit in units.prefix(offset) {
            if unit == newline { line += 1; column = 1 } else if startsScalar(unit) { column += 1 }
        }
        return (line, column)
    }
}
