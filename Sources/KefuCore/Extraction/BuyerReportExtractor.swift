/// What the buyer reports has already happened, so drafts neither contradict
/// it nor ask for it again:
///
/// - `parcel_status`: `delivered_not_received` ("显示已签收但我没收到", "it
///   says delivered but nothing is here"), `stuck` ("物流三天没更新",
///   "hasn't moved since monday") or `refused` ("我拒收了"). An "on its way"
///   draft must not answer the first; `when: lacks: [parcel_status]` or
///   `equals: {parcel_status: ...}` in a pack chooses.
/// - `photos_sent`: `true` when the buyer says the photos or video are sent
///   ("照片发了", "[图片]", "I sent a photo"), so no draft asks for them.
///
/// One pass of a byte automaton over the folded text (lower case, Simplified,
/// half-width). Leftmost-longest matching with allow-listed phrases (empty
/// label) keeps negated and hypothetical forms out: "还没签收" is not a
/// delivery, "可以拒收吗" is a question, not a refusal.
package struct BuyerReportExtractor: Sendable {
    package static let shared = BuyerReportExtractor()

    enum Cue: String {
        case marked, notReceived, stuck, refused, photo
    }

    private let matcher: ScalarTermMatcher

    init() {
        var terms: [(String, String)] = []
        func add(_ words: [String], _ cue: Cue?) { terms += words.map { ($0, cue?.rawValue ?? "") } }
        // The carrier marked it delivered.
        add(
            [
                "签收", "已送达", "显示送达", "妥投", "says delivered", "shows delivered", "showing delivered", "shows as delivered",
                "marked as delivered", "marked delivered", "status delivered", "says it was delivered", "says it's delivered",
                "it was delivered", "was delivered", "been delivered", "delivered but", "delivered, but", "left at my door",
            ], .marked)
        add(
            [
                "没签收", "未签收", "没有签收", "还没签收", "签收后", "确认签收", "not delivered", "not been delivered", "wasn't delivered",
                "wasnt delivered", "never delivered", "hasn't been delivered", "hasnt been delivered", "been delivered yet",
            ], nil)
        // ...but nothing came.
        add(
            [
                "没收到", "没有收到", "未收到", "没拿到", "没有拿到", "没见到", "没看到", "找不到", "不是我签", "不是本人签", "没人签", "家里没人",
                "我家没人", "家没人", "not received", "haven't received", "havent received", "didn't receive", "didnt receive",
                "never received", "never got", "didn't get", "didnt get", "haven't got", "havent got", "not here", "nothing here",
                "isn't here", "isnt here", "no package", "no parcel", "don't have it", "dont have it", "do not have it", "can't find",
                "cant find", "cannot find", "not there", "wasn't there", "wasnt there", "nowhere", "nothing is here", "nothing came",
                "never came", "never arrived", "didn't arrive", "didnt arrive", "hasn't arrived", "hasnt arrived", "no sign of it",
            ], .notReceived)
        // The tracking has stopped moving.
        add(
            [
                "物流不动", "不动了", "一直不动", "一直没动", "没动了", "天没动", "没有动", "没更新", "没有更新", "不更新", "停在", "卡在", "滞留",
                "stuck", "hasn't moved", "hasnt moved", "has not moved", "not moving", "no movement", "no update", "no updates",
                "not updated", "hasn't updated", "hasnt updated", "hasn't been updated", "hasnt been updated",
            ], .stuck)
        // The buyer turned the parcel away.
        add(
            [
                "拒收了", "已拒收", "被拒收", "已经拒收", "refused delivery", "refused the", "i refused", "rejected the parcel",
                "rejected the package", "rejected delivery", "returned to sender",
            ], .refused)
        // Photos or a video already sent (Qianniu shows a picture as "[图片]").
        add(
            [
                "照片发了", "图片发了", "图发了", "发了照片", "发了图片", "发了图", "照片已发", "图片已发", "图已发", "照片发你了", "图发你了",
                "照片发给你了", "图片发给你了", "发过照片", "发过图片", "拍了照片", "上传了照片", "上传了图片", "[图片]", "[图]", "见图", "看图",
                "如图", "视频发了", "发了视频", "视频已发", "[视频]",
            ], .photo)
        var english: [String] = []
        for verb in ["sent", "sent you", "already sent", "attached", "uploaded", "see"] {
            for det in ["", "a ", "the ", "some ", "my ", "attached "] {
                for noun in ["photo", "picture", "pic", "image", "video", "screenshot"] { english.append("\(verb) \(det)\(noun)") }
            }
        }
        english += ["photo attached", "photos attached", "pictures attached", "pics attached", "see attached", "video attached"]
        add(english, .photo)
        add(["没发照片", "还没发照片", "没拍照片", "haven't sent", "havent sent", "not sent"], nil)
        matcher = ScalarTermMatcher(terms)
    }

    package func extract(from text: NormalizedText) -> [Entity] {
        guard !text.isEmpty else { return [] }
        var cues: Set<String> = []
        for m in matcher.matches(in: text.folded) { cues.insert(m.label) }
        guard !cues.isEmpty else { return [] }
        var out: [Entity] = []
        if cues.contains(Cue.marked.rawValue) && cues.contains(Cue.notReceived.rawValue) {
            out.append(Entity(kind: .parcelStatus, value: "delivered_not_received"))
        } else if cues.contains(Cue.refused.rawValue) {
            out.append(Entity(kind: .parcelStatus, value: "refused"))
        } else if cues.contains(Cue.stuck.rawValue) {
            out.append(Entity(kind: .parcelStatus, value: "stuck"))
        }
        if cues.contains(Cue.photo.rawValue) { out.append(Entity(kind: .photosSent, value: "true")) }
        return out
    }
}
