/// The pack the tests of the REPL's `/word`, `:find` and `:save` run on,
/// through standard input (`REPLFindSaveSessionTests`) and in a terminal
/// (`REPLFindSaveTerminalTests`).
public enum FindTestPack {
    /// Words no built-in pack uses (小玩意, gadget, 花車禮袋, 鳥語禮盒): one
    /// text written only in Traditional, one only in Simplified.
    public static let yaml = """
        pack: {id: t.find, name: Find test pack, version: '1'}
        intents:
          - id: t.gadget
            description: The buyer asks where the gadget is.
            triggers: {zh-Hans: [小玩意], en: [gadget]}
            examples: {zh-Hans: [我的小玩意到了吗, 小玩意发货了吗], en: [where is my gadget]}
        snippets:
          - id: t.gadget.track
            intents: [t.gadget]
            kind: logistics
            priority: 90
            text:
              zh-Hans: 亲，您的小玩意单号是 {{tracking_no}}，正在派送中。
              en: Your gadget {{tracking_no}} is on its way.
          - id: t.gadget.wrap
            intents: [t.gadget]
            kind: upsell
            priority: 40
            text:
              zh-Hant: 親，花車禮袋免費包裝喔～
          - id: t.gadget.bird
            intents: [t.gadget]
            kind: answer
            priority: 30
            text:
              zh-Hans: 亲，鸟语礼盒今天发出哦～
        """
}
