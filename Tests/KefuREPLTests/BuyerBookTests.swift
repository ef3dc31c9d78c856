import Foundation
import KefuCore
import Testing

@testable import KefuREPL

/// The REPL's buyers (`BuyerBook`): names made inert, which buyer an
/// argument means, thread ids, and when the prompt names the active one.
@Suite struct BuyerBookTests {
    @Test func aNameIsKeptInertOnOneLine() throws {
        let name = try #require(BuyerBook.clean("  a\u{1B}]0;pwned\u{07}b\nc\u{202E} "))
        #expect(!name.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\u{202E}" }, "\(name)")
        #expect(name.hasPrefix("a^[]0;pwned^Gb"), "\(name)")
        #expect(BuyerBook.clean("   ") == nil)
    }

    @Test func theFirstUntouchedBuyerTakesTheFirstNameAndOthersAreNew() {
        var book = BuyerBook(sessionID: "s")
        #expect(!book.showsActive, "one unnamed buyer: the prompt is unchanged")
        #expect(book.open(named: "alice", untouched: true) == 0)
        #expect(book.showsActive && book.buyers.count == 1 && book.active.label == "1 alice")
        let bob = book.open(named: "Bob", untouched: true)
        #expect(bob == 1 && book.buyers[bob].number == 2)
        #expect(book.index(of: "bob") == 1 && book.index(of: "ALICE") == 0 && book.index(of: "2") == 1)
        #expect(book.index(of: "3") == nil && book.index(of: "carol") == nil)
    }

    @Test func aBuyerWithMessagesOrValuesIsNotRenamed() {
        var book = BuyerBook(sessionID: "s")
        _ = book.begin("where is my parcel")
        #expect(book.open(named: "alice", untouched: true) == 1)
        var other = BuyerBook(sessionID: "s")
        #expect(other.open(named: "alice", untouched: false) == 1, "values set with :set count as a buyer in use")
    }

    @Test func everyThreadHasItsOwnID() {
        var book = BuyerBook(sessionID: "s")
        let first = book.active.conversation.id
        book.newThread()
        let second = book.active.conversation.id
        let alice = book.open(named: "alice", untouched: false)
        let third = book.buyers[alice].conversation.id
        #expect(Set([first, second, third]).count == 3, "\([first, second, third])")
        #expect(first == "s-1")
    }

    @Test func aMessageIsAnsweredWithTheThreadAsItWasBeforeIt() {
        var book = BuyerBook(sessionID: "s")
        let context = book.begin("订单号 1234567890")
        #expect(context.message == 1 && context.carried.isEmpty)
        #expect(book.active.messageContext == context && book.active.messages == ["订单号 1234567890"])
        book.newThread()
        #expect(book.active.messageContext == nil && book.active.messages.isEmpty)
    }

    @Test(arguments: [(5, "5s"), (125, "2m"), (7300, "2h"), (200_000, "2d")])
    func ageIsShort(seconds: Int, shown: String) {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(BuyerBook.age(since: now.addingTimeInterval(-Double(seconds)), now: now) == shown)
    }
}
