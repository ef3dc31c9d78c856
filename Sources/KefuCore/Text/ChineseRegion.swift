/// Whose Traditional Chinese a Traditional draft is written in: Taiwan usage
/// by default (OpenCC `s2twp`: Taiwan characters and Taiwan words, 資訊,
/// 影片, 軟體), Hong Kong characters (`s2hk`) when the shop says
/// `region: HK` in config.yaml.
package enum ChineseRegion: String, Sendable, CaseIterable {
    case taiwan = "TW"
    case hongKong = "HK"

    /// `TW`, `HK`, and the tags people type for them (`zh-TW`, `tw`, `hk`...).
    package init?(tag: String) {
        switch tag.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "tw", "zh-tw", "taiwan": self = .taiwan
        case "hk", "zh-hk", "hongkong", "hong kong", "mo", "zh-mo": self = .hongKong
        default: return nil
        }
    }

    /// The OpenCC configuration that converts Simplified text for this region.
    var openCCConfiguration: String {
        switch self {
        case .taiwan: "s2twp.json"
        case .hongKong: "s2hk.json"
        }
    }

    /// The OpenCC configuration that converts names (a shop, a company, an
    /// address) for this region: characters only, since phrase conversion
    /// would rename 信息科技有限公司 to 資訊科技有限公司.
    var characterConfiguration: String {
        switch self {
        case .taiwan: "s2tw.json"
        case .hongKong: "s2hk.json"
        }
    }

    /// Words OpenCC's phrase tables leave in mainland usage (or convert
    /// character by character into something else), replaced after
    /// conversion. OpenCC stays the converter; this only covers its gaps,
    /// measured on this machine's libopencc 1.1: s2twp keeps 質量, 賬戶,
    /// 包郵, 發貨, turns 尺码表 into 尺碼錶 (a stopwatch), and reads shop
    /// words as computing terms (参数 → 引數, an argument; 支持 → 支援 even
    /// in 感謝您的支持).
    var usageFixes: [(String, String)] {
        switch self {
        case .taiwan:
            [
                ("尺碼錶", "尺碼表"), ("質量", "品質"), ("賬", "帳"), ("包郵", "免運"), ("發貨", "出貨"), ("充值", "儲值"), ("反饋", "回饋"),
                ("引數", "參數"), ("您的支援", "您的支持"), ("大家的支援", "大家的支持"),
            ]
        case .hongKong:
            [("尺碼錶", "尺碼表")]
        }
    }
}
