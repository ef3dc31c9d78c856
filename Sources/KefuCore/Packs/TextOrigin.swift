/// Where a snippet's text for one language starts in its pack file, so that
/// a problem found inside the text (a claim phrase, by the truth audit) is
/// reported at its own line and column.
package struct TextOrigin: Sendable, Hashable {
    /// The file position of the text's first character.
    package var start: SourceLocation
    /// A block scalar (`|`, `>`): every line starts at the same indentation.
    package var isBlock: Bool

    package init(start: SourceLocation, isBlock: Bool) {
        self.start = start
        self.isBlock = isBlock
    }

    /// The file position of a 1-based line and column inside the text.
    package func location(line: Int, column: Int) -> SourceLocation {
        var l = start
        if line == 1 {
            l.column = start.column + column - 1
        } else {
            l.line = start.line + line - 1
            l.column = isBlock ? start.column + column - 1 : column
        }
        return l
    }
}
