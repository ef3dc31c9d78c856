import KefuCore
import Testing

@testable import KefuCommands

/// `kefu plugins list`'s columns line up on a terminal, Chinese cells
/// counting two columns a character.
@Suite struct TextTableTests {
    @Test func columnsStartAtTheSameTerminalColumn() {
        var table = TextTable()
        table.append("myshop.礼品", "1.0.0", "loaded")
        table.append("builtin.greeting", "12.1", "failed")
        table.note("why: broken")
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "  myshop.礼品       1.0.0  loaded",
                "  builtin.greeting  12.1   failed",
                "      why: broken",
            ])
        // "myshop.礼品" is 9 characters but 11 columns wide: padded to 16 with 5 spaces, not 7.
        #expect(DisplayWidth.of("myshop.礼品") == 11)
    }

    @Test func theLastCellIsNotPadded() {
        var table = TextTable()
        table.append("a", "long last cell")
        table.append("bb", "x")
        #expect(!table.render().contains(" \n"))
    }
}
