import Foundation
import KefuCore
import KefuREPL
import Yams

/// `$XDG_CONFIG_HOME/kefu/config.yaml`: the shop's own values and the REPL's
/// settings. Every key is optional. A key with a bad value is reported as
/// `file:line:col: error: ...` and takes its default; the other keys still
/// apply. A file that is not YAML at all is reported the same way and every
/// key takes its default.
struct Configuration {
    /// Template values: `shop`, `agent`, `ship_date` and everything under
    /// `variables:`. A value given per language is kept as one key per
    /// language (`shop@en`, `shop@zh-Hans`: `LocalizedValue`).
    var variables: [String: String] = [:]
    /// Draft language; nil is automatic (the buyer's).
    var language: Language? = nil
    /// Whose Traditional Chinese the drafts are written in (`region: TW|HK`).
    var region = ChineseRegion.taiwan
    /// Drafts shown per message in the REPL.
    var drafts = 5
    var clipboard = ClipboardMethod.auto
    /// More pack files or folders, loaded after `$XDG_CONFIG_HOME/kefu/snippets`.
    var packs: [String] = []
    /// Pack ids (or pack file names) not to load.
    var disabledPacks: [String] = []
    /// Code plugins not to run (e.g. `tone`).
    var disabledPlugins: [String] = []
    /// Entries kept in the REPL's history file.
    var historySize = 1000
    /// The REPL's usage log (`usage: on|off`, on by default).
    var usage = true
    /// How sure kefu must be to report and answer an intent (`threshold:`);
    /// plausible intents below it are answered as marked guesses.
    var threshold = Engine.Options().threshold

    /// The engine options config.yaml sets (`threshold`), for every command
    /// that builds an engine.
    var engineOptions: Engine.Options {
        var options = Engine.Options()
        options.threshold = threshold
        return options
    }

    /// Where each value came from: `config.yaml:3:7`; absent means the default.
    var origins: [String: String] = [:]
    /// Problems found, each at its `file:line:col`.
    var diagnostics: [Diagnostic] = []
    /// Whether the file exists.
    var found = false
    /// The file these values were read from.
    var file = Configuration.path
    /// The file as composed YAML (nil when absent, empty or not YAML): the
    /// plugin hosts read their own keys from it, so the file is read once.
    var document: Node? = nil

    static var path: String { Paths.configHome + "/kefu/config.yaml" }

    static let knownKeys =
        [
            "shop", "agent", "ship_date", "language", "region", "drafts", "clipboard", "packs",
            "disabled_packs", "disabled_plugins", "history_size", "threshold", "variables", "usage",
        ] + Self.pluginKeys

    /// Keys read by the plugin hosts from the same file (with their own
    /// file:line:col diagnostics): accepted here, not reported as unknown.
    static let pluginKeys = ["external_plugins", "plugin_deadline_ms", "plugins"]

    /// Reads the file, writing its problems to `errors` (what `kefu suggest` does).
    static func load(reportingTo errors: StandardError) -> Configuration {
        let config = read()
        for d in config.diagnostics { errors.write("\(d)\n") }
        return config
    }

    /// Reads the file and keeps its problems in `diagnostics`.
    static func read(path: String = Configuration.path) -> Configuration {
        var config = Configuration()
        config.file = path
        let text: String
        switch UserTextFile.load(path) {
        case .missing: return config
        case .text(let t): text = t
        case .problem(let message, let line, let column):
            // Something is there: saying nothing would drop the shop's values silently.
            config.found = true
            config.diagnostics.append(
                Diagnostic("\(message); using the defaults", at: SourceLocation(file: path, line: line, column: column)))
            return config
        }
        config.found = true
        // A repeated key is reported and its later value ignored; the rest counts.
        let composed = GuardedYAML.compose(text, file: path, duplicateKeys: .keepFirst)
        let fatal = composed.root == nil && !composed.problems.isEmpty
        for var p in composed.problems {
            if fatal { p.message += "; using the defaults" }
            config.diagnostics.append(p)
        }
        let root = composed.root
        guard let root else { return config }  // empty file
        config.document = root
        guard case .mapping(let map) = root else {
            config.diagnostics.append(
                Diagnostic("the configuration must be a mapping (key: value); using the defaults", at: at(root, path)))
            return config
        }
        for (keyNode, value) in map {
            guard let key = keyNode.string else { continue }
            config.apply(key: key, keyNode: keyNode, value: value, file: path)
        }
        // Conversion is process-wide (one OpenCC handle per configuration),
        // and every command reads this file before it builds an engine.
        ChineseConverter.shared.region = config.region
        return config
    }

    private static func at(_ node: Node, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    private static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node else { return false }
        return s.string.isEmpty || s.string == "~" || s.string == "null"
    }

    private mutating func apply(key: String, keyNode: Node, value: Node, file: String) {
        let origin = "\((file as NSString).lastPathComponent):\(value.mark?.line ?? 1):\(value.mark?.column ?? 1)"
        func bad(_ what: String, default d: String) {
            diagnostics.append(Diagnostic("'\(key)' \(what); using the default (\(d))", at: Self.at(value, file)))
        }
        func scalar() -> String? {
            guard case .scalar(let s) = value else { return nil }
            return s.string
        }
        func list() -> [String]? {
            if Self.isNull(value) { return [] }
            if case .scalar(let s) = value { return [s.string] }
            guard case .sequence(let seq) = value else { return nil }
            var out: [String] = []
            for item in seq {
                guard case .scalar(let s) = item else { return nil }
                out.append(s.string)
            }
            return out
        }
        if Self.isNull(value), key != "packs", key != "disabled_packs", key != "disabled_plugins" { return }
        switch key {
        case "shop", "agent", "ship_date":
            guard assignValue(key, value, file: file) else {
                bad("must be text or a map of languages to text ({zh-Hans: 小鹿家居, en: Deer Home})", default: "unset")
                return
            }
            origins[key] = origin
        case "language":
            guard let s = scalar() else { bad("must be auto, zh-Hans, zh-Hant or en", default: "auto"); return }
            if s.lowercased() == "auto" {
                language = nil
            } else if let l = Language(tag: s) {
                language = l
            } else {
                bad("must be auto, zh-Hans, zh-Hant or en, not '\(s)'", default: "auto")
                return
            }
            origins[key] = origin
        case "region":
            guard let s = scalar(), let r = ChineseRegion(tag: s) else {
                bad("must be TW (Taiwan) or HK (Hong Kong)", default: "TW"); return
            }
            region = r
            origins[key] = origin
        case "drafts":
            guard let s = scalar(), let n = Int(s), (1...20).contains(n) else { bad("must be a number from 1 to 20", default: "5"); return }
            drafts = n
            origins[key] = origin
        case "history_size":
            guard let s = scalar(), let n = Int(s), (1...100_000).contains(n) else {
                bad("must be a number from 1 to 100000", default: "1000"); return
            }
            historySize = n
            origins[key] = origin
        case "usage":
            // YAML reads a bare off as false: both spellings are accepted.
            guard let s = scalar()?.lowercased(),
                let on = ["on": true, "true": true, "yes": true, "off": false, "false": false, "no": false][s]
            else {
                bad("must be on or off", default: "on"); return
            }
            usage = on
            origins[key] = origin
        case "threshold":
            let floor = Engine.Options().guessFloor
            guard let s = scalar(), let t = Double(s), t >= floor, t <= 1 else {
                bad("must be a number from \(floor) to 1", default: "\(Engine.Options().threshold)"); return
            }
            threshold = t
            origins[key] = origin
        case "clipboard":
            guard let s = scalar(), let m = ClipboardMethod(config: s) else {
                bad("must be auto, osc52, system, none or a command such as \"xclip -selection clipboard\"", default: "auto")
                return
            }
            clipboard = m
            origins[key] = origin
        case "packs":
            guard let l = list() else { bad("must be a list of files or folders", default: "[]"); return }
            let base = (file as NSString).deletingLastPathComponent
            packs = l.map { Self.expand($0, relativeTo: base) }
            origins[key] = origin
        case "disabled_packs":
            guard let l = list() else { bad("must be a list of pack ids", default: "[]"); return }
            disabledPacks = l
            origins[key] = origin
        case "disabled_plugins":
            guard let l = list() else { bad("must be a list of plugin ids", default: "[]"); return }
            disabledPlugins = l.map { $0.lowercased() }
            origins[key] = origin
        case "variables":
            guard case .mapping(let vars) = value else { bad("must be a mapping of names to values", default: "none"); return }
            for (vk, vv) in vars {
                guard let name = vk.string else { continue }
                guard assignValue(name, vv, file: file) else {
                    diagnostics.append(
                        Diagnostic("variable '\(name)' must be text or a map of languages to text; ignored", at: Self.at(vv, file)))
                    continue
                }
                origins["variables." + name] = "\((file as NSString).lastPathComponent):\(vv.mark?.line ?? 1):\(vv.mark?.column ?? 1)"
            }
        case _ where Self.pluginKeys.contains(key):
            origins[key] = origin
        default:
            diagnostics.append(
                Diagnostic(
                    "unknown key '\(key)'; ignored", at: Self.at(keyNode, file), hint: SpellingSuggestion.hint(for: key, in: Self.knownKeys)
                ))
        }
    }

    /// A value: text, or a map of language tags to text (`{zh-Hans: 小鹿家居,
    /// en: Deer Home}`), stored as `name@tag`. False when it is neither; an
    /// unknown language tag is reported and its entry skipped.
    private mutating func assignValue(_ name: String, _ node: Node, file: String) -> Bool {
        if case .scalar(let s) = node {
            variables[name] = s.string
            return true
        }
        guard case .mapping(let map) = node else { return false }
        var entries: [(String, String)] = []
        for (tagNode, textNode) in map {
            guard let tag = tagNode.string, case .scalar(let text) = textNode else { return false }
            guard let language = Language(tag: tag) else {
                diagnostics.append(
                    Diagnostic("'\(name)': unknown language '\(tag)' (zh-Hans, zh-Hant or en); ignored", at: Self.at(tagNode, file)))
                continue
            }
            entries.append((LocalizedValue.key(name, language), text.string))
        }
        for (k, v) in entries { variables[k] = v }
        return true
    }

    /// How a value reads in `kefu config show`: its text, or its texts per language.
    func describe(_ name: String) -> String? {
        var parts: [String] = []
        if let plain = variables[name] { parts.append(plain) }
        for l in Language.allCases {
            if let v = variables[LocalizedValue.key(name, l)] { parts.append("\(l.rawValue): \(v)") }
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    static func expand(_ path: String, relativeTo base: String) -> String {
        if path.hasPrefix("~/") { return NSHomeDirectory() + path.dropFirst(1) }
        if path.hasPrefix("/") { return path }
        return base + "/" + path
    }

    /// What `kefu config init` writes.
    static let commentedDefault = """
        # kefu configuration (kefu config show prints what is in effect and where it comes from).
        # Every key is optional; a key with a bad value is reported as file:line:col
        # and takes its default.

        # Your shop and your name, used in greetings ({{shop}}, {{agent}}).
        # shop: 小鹿家居
        # agent: 小美
        # Or one text per language, so that an English draft never carries
        # Chinese (a Chinese-only value leaves a ⟨shop⟩ blank in English drafts):
        # shop: {zh-Hans: 小鹿家居, en: Deer Home}

        # When orders ship, for shipping promises ({{ship_date}}): today,
        # tomorrow, a weekday or a date (2026-12-03); each draft says it in
        # its own language (tomorrow / 明天, Dec 3 / 12月3日).
        # ship_date: tomorrow

        # Language of the drafts: auto (the buyer's own), zh-Hans, zh-Hant or en.
        language: auto

        # Whose Traditional Chinese zh-Hant drafts use: TW (Taiwan words, 資訊,
        # 影片, 品質) or HK (Hong Kong characters).
        region: TW

        # Drafts shown per message in the REPL (m shows more), 1-20.
        drafts: 5

        # Where copies go: auto (terminal clipboard via OSC 52, plus wl-copy,
        # xclip, xsel, pbcopy or clip.exe when present), osc52, system, none,
        # or a command that reads the text on stdin, e.g. "xclip -selection clipboard".
        clipboard: auto

        # More pack files or folders, loaded after ~/.config/kefu/snippets
        # (relative paths are relative to this file).
        packs: []

        # Packs (by pack id or file name) and code plugins (e.g. tone) not to load.
        disabled_packs: []
        disabled_plugins: []

        # Messages and commands kept in the REPL's history.
        history_size: 1000

        # The REPL's usage log in ~/.local/state/kefu/usage (buyer text redacted,
        # readable by you only): what was offered, copied and edited, for kefu
        # stats. off keeps no log.
        usage: on

        # How sure kefu must be (0.2-1) to answer an intent; plausible intents
        # below it are offered as marked guesses ("? product_info 42%?").
        # Higher: fewer wrong answers, more guesses (measure with kefu eval).
        threshold: 0.5

        # Any other template values, e.g. {{hotline}}.
        variables:
          # hotline: 400-000-0000

        # The shop's facts (stock per colour and size, size chart, shipping
        # regions, return window, payment options: docs/shop-facts.md) are
        # read from shop.yaml next to this file; drafts state such facts only
        # from there. shop.example.yaml is a commented example to start from.
        # Another file:
        # plugins:
        #   upsell: {facts: my-shop.yaml}

        """

    /// The example facts file `kefu config init` writes beside config.yaml
    /// as `shop.example.yaml` (the same text as docs/examples/shop.yaml, which
    /// a test keeps equal). Not `shop.yaml`: example stock would be claimed
    /// in real drafts.
    static let shopFactsExample = """
        # Shop facts for kefu (docs/shop-facts.md). Drafts state stock, sizes,
        # shipping rules, the return window and payment options only from here;
        # anything this file leaves out gets a "let me check" draft instead.
        # Save as shop.yaml next to config.yaml (or point config.yaml at it:
        #   plugins: {upsell: {facts: my-shop.yaml}}), and keep it true: an agent
        # copies draft 1 unread.

        currency: "¥"

        # Products: the catalogue (bundles come from here too). A product with
        # variants takes its stock from them; a colour lists the names buyers use.
        products:
          - sku: TEE-01
            name: {zh-Hans: 纯棉T恤, en: cotton T-shirt}
            aliases: [T恤, t-shirt, tee]
            price: 79
            price_floor: 69            # the lowest price when a buyer bargains
            bundle: [SOCKS-01]
            bundle_discount: 15
            specs:
              material: {zh-Hans: 纯棉, en: cotton}
              weight: 220g
            variants:
              - {color: [深蓝, 藏青, navy], size: M, stock: 12}
              - {color: [深蓝, 藏青, navy], size: L, stock: 0, restock: {zh-Hans: 下周三, en: next Wednesday}}
              - {color: [白色, 白, white], size: M, stock: 30}
              - {color: [白色, 白, white], size: L, stock: 8}
          - sku: SOCKS-01
            name: {zh-Hans: 棉袜三双装, en: cotton socks (3 pairs)}
            aliases: [袜子, socks]
            price: 29
            stock: 500
          - sku: MUG-01
            name: {zh-Hans: 陶瓷马克杯, en: ceramic mug}
            aliases: [马克杯, mug]
            price: 39
            stock: 120
            specs:
              material: {zh-Hans: 陶瓷, en: ceramic}
              capacity: 350 ml
              dimensions: 8 × 9.5 cm

        # Height (cm) and weight (kg) ranges → size, smallest first. When height and
        # weight point at different sizes, the larger one is advised; outside the
        # chart nothing is advised.
        size_chart:
          - {size: S, height: 150-160, weight: 40-50}
          - {size: M, height: 160-170, weight: 50-60}
          - {size: L, height: 170-177, weight: 60-70}
          - {size: XL, height: 177-185, weight: 70-80}
          - {size: XXL, height: 185-195, weight: 80-95}

        # A promotion running now ({{promo}}); delete it when it ends.
        # promo: {zh-Hans: 满199减20, en: $20 off orders over $199}

        # Orders paid before the cut-off leave the same dispatch day.
        dispatch:
          cutoff: "16:00"
          days: [mon, tue, wed, thu, fri, sat]

        shipping:
          fee: 0                       # the usual fee (0: free)
          free_over: 99
          regions:
            - name: {zh-Hans: 偏远地区, en: remote areas}
              places: [新疆, 西藏, 青海, 内蒙古, Xinjiang, Tibet, Qinghai]
              fee: 15
              free_shipping: false     # free_over does not apply there
            - name: {zh-Hans: 港澳台及海外, en: overseas}
              places: [香港, 澳门, 台湾, 北海道, 冲绳, Hokkaido, Okinawa, Hong Kong, Macau, Taiwan]
              ships: false
            - name: {zh-Hans: 海岛, en: islands}
              places: [海南, 舟山, Hainan]
              fee: 8

        returns:
          days: 7                      # 7天无理由: days after delivery

        payment:
          cod: false                   # cash on delivery (货到付款)
          convenience_store: true      # 超商取貨付款 (7-11, 全家)

        """
}
