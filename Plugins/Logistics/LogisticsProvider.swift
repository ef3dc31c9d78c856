import Foundation
import KefuCore

/// Tracking links and status wording for `logistics`, the promised ship date
/// for `urge_delivery`. Any other message costs one pass over its intents.
struct LogisticsProvider: DraftProvider {
    let id = "logistics"
    /// The configured cut-off (`dispatch_cutoff`), nil when the shop set none.
    let cutoff: Int?
    let timeZone: TimeZone
    let clock: @Sendable () -> Date

    func contribute(_ context: DraftContext) -> DraftContribution {
        var wantsTracking = false, wantsPromise = false
        for i in context.intents {
            if i.intent == "logistics" { wantsTracking = true }
            if i.intent == "urge_delivery" { wantsPromise = true }
        }
        guard wantsTracking || wantsPromise else { return .none }
        var out = DraftContribution()
        let language = context.language
        if wantsTracking, let number = context.values["tracking_no"], !number.isEmpty,
            let link = Self.link(number, context)
        {
            let status = LogisticsStatus(context.values["status"])
            let text = LogisticsWording.tracking(
                number: number, carrier: context.values["carrier"], link: link, status: status, language: language)
            out.drafts.append(
                ProvidedDraft(
                    id: "logistics.tracking_link", intent: "logistics", kind: .logistics, priority: status == nil ? 75 : 95, text: text,
                    explanation: ["tracking link for \(context.values["carrier"] ?? "the tracking number")"]
                        + (status.map { ["session status: \($0.rawValue)"] } ?? [])))
        }
        // A parcel with a tracking number, or one the buyer reports stuck or
        // delivered, has shipped: a dispatch promise would contradict the message.
        let shipped = !(context.values["tracking_no"] ?? "").isEmpty || !(context.values["parcel_status"] ?? "").isEmpty
        // The shop facts file's cut-off, when it gives one, over this plugin's
        // own setting; with neither, no promise (the drafts ask the warehouse).
        let cutoff = context.values["dispatch_cutoff"].flatMap(Self.minutes(ofTimeOfDay:)) ?? self.cutoff
        if wantsPromise && !shipped, let cutoff {
            let now = clock()
            let promise = DispatchPromise(cutoff: cutoff, timeZone: timeZone)
            let shipDate = promise.shipDate(at: now, english: language == .english)
            let date = Self.localized(shipDate, language)
            if (context.values["ship_date"] ?? "").isEmpty { out.variables["ship_date"] = date }
            let text = LogisticsWording.promise(
                cutoff: promise.cutoffText, shipDate: context.values["ship_date"].flatMap { $0.isEmpty ? nil : $0 } ?? date,
                language: language)
            out.drafts.append(
                ProvidedDraft(
                    id: "logistics.dispatch_promise", intent: "urge_delivery", kind: .logistics, priority: 70, text: text,
                    explanation: ["dispatch promise: paid before \(promise.cutoffText) ships the same day"]))
        }
        return out
    }

    /// "16:30" as minutes after midnight; nil for anything else.
    static func minutes(ofTimeOfDay text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    /// The tracking entity the number came from carries its carrier and
    /// region; a number from the session (`--var tracking_no=`) has only
    /// the carrier the message names.
    static func link(_ number: String, _ context: DraftContext) -> String? {
        let named = context.entities.first { $0.kind == .carrier }?.value
        if let entity = context.entities.first(where: { $0.kind == .trackingNumber && $0.value == number }) {
            return TrackingLinks.link(for: entity, namedCarrier: named, language: context.language)
        }
        return TrackingLinks.link(carrier: named, trackingNumber: number, language: context.language)
    }

    static func localized(_ s: String, _ l: Language) -> String {
        l == .traditionalChinese ? ChineseConverter.shared.convert(s, .toTraditional) : s
    }
}
