/// The REPL's `:` commands: one table. `:help`, Tab completion and
/// `Session.command` are all derived from these cases, and dispatch switches
/// over them without a `default`, so a command added here without its
/// handler does not compile (the old string table let a row silently do
/// nothing).
enum REPLCommand: String, CaseIterable {
    case help, set, unset, vars, lang, new, buyers, buyer, remind, snippet, find, save, why, more, drafts, msg, packs, intents, intent,
        reload,
        quit

    /// What Tab completes after the command name.
    enum Argument { case none, command, variable, language, reminder, snippet, draft, text, intent, buyer }

    /// The name typed after `:`.
    var name: String { rawValue }

    var aliases: [String] {
        switch self {
        case .help: ["h"]
        case .quit: ["q", "exit"]
        case .set, .unset, .vars, .lang, .new, .buyers, .buyer, .remind, .snippet, .find, .save, .why, .more, .drafts, .msg, .packs,
            .intents,
            .intent,
            .reload:
            []
        }
    }

    /// The argument as `:help` shows it ("" for none).
    var usage: String {
        switch self {
        case .help: "[command]"
        case .set: "NAME VALUE"
        case .unset: "NAME"
        case .lang: "auto|zh-Hans|zh-Hant|en"
        case .remind: "[ID]"
        case .snippet: "ID"
        case .find: "WORD..."
        case .why: "[N]"
        case .msg: "TEXT"
        case .intent: "ID"
        case .buyer: "N|NAME"
        case .vars, .new, .buyers, .save, .more, .drafts, .packs, .intents, .reload, .quit: ""
        }
    }

    var help: String {
        switch self {
        case .help: "keys and commands"
        case .set:
            "set a value for this buyer (buyer, order_id, amount...): it fills ⟨NAME⟩; "
                + "NAME@en VALUE or NAME {zh-Hans: …, en: …} per language"
        case .unset: "forget a value"
        case .vars: "values in use: configuration, this buyer, the last message"
        case .lang: "write drafts in this language (auto: the buyer's)"
        case .new: "start this buyer's thread again: forget the message, drafts, values set with :set and values from earlier messages"
        case .buyers: "the open buyers: number, name, what the thread is about, messages, time since the last"
        case .buyer: "switch to buyer N or NAME (a new NAME opens a buyer); each keeps its own values, thread and messages"
        case .remind: "payment reminder drafts for an unpaid order"
        case .snippet: "render one snippet by id (on-demand ones too)"
        case .find: "find snippets by text, id or intent in any script (same as /WORD); copy one like a draft: it teaches too"
        case .save: "save the last edited (or combined) reply you copied as a snippet of your pack: asks intent and id"
        case .why: "why draft N was offered (same as ? N)"
        case .more: "more drafts (same as m)"
        case .drafts: "show the drafts again (Ctrl-L redraws the screen)"
        case .msg: "treat TEXT as a buyer message even if it looks like a key"
        case .packs: "loaded packs and packs with errors"
        case .intents: "the intents kefu knows"
        case .intent: "label the last message with this intent (other: no intent): kefu learns it at once"
        case .reload: "read config.yaml and the packs again now and redraw the drafts (pack changes are also picked up before each message)"
        case .quit: "leave kefu (Ctrl-D on an empty line too)"
        }
    }

    var argument: Argument {
        switch self {
        case .help: .command
        case .set, .unset: .variable
        case .lang: .language
        case .remind: .reminder
        case .snippet: .snippet
        case .why: .draft
        case .msg, .find: .text
        case .intent: .intent
        case .buyer: .buyer
        case .vars, .new, .buyers, .save, .more, .drafts, .packs, .intents, .reload, .quit: .none
        }
    }

    /// The command a typed name or alias means (case-insensitive), if any.
    init?(named typed: String) {
        let name = typed.lowercased()
        guard let command = Self.allCases.first(where: { $0.name == name || $0.aliases.contains(name) }) else { return nil }
        self = command
    }
}
