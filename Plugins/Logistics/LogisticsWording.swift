import KefuCore

/// The logistics plugin's drafts, in Simplified Chinese and English;
/// Traditional is converted from Simplified by the core's converter.
enum LogisticsWording {
    static func tracking(number: String, carrier: String?, link: String, status: LogisticsStatus?, language: Language) -> String {
        if language == .english {
            let by = carrier.map { " (\($0))" } ?? ""
            let lead: String
            switch status {
            case .inTransit?: lead = "Your parcel is on its way"
            case .delayed?:
                lead = "Sorry, your parcel is running late: the courier has been slower than usual, and I'm following it up for you"
            case .delivered?:
                lead =
                    "The courier shows your parcel as delivered. If you haven't received it, please let me know and I'll look into it right away"
            case nil: lead = "Here is your tracking"
            }
            return "\(lead). Tracking number\(by): \(number) — live status: \(link)"
        }
        let by = carrier.map { "\($0)单号" } ?? "单号"
        let lead: String
        switch status {
        case .inTransit?: lead = "亲，您的包裹正在运输途中～"
        case .delayed?: lead = "亲，非常抱歉，您的包裹因快递原因有所延误，我这边一直在帮您跟进～"
        case .delivered?: lead = "亲，物流显示您的包裹已签收，如果您还没收到，请告诉我，我马上帮您核实～"
        case nil: lead = "亲，给您查好啦～"
        }
        let s = "\(lead)\(by)：\(number)，物流进度可在这里查看：\(link)"
        return language == .traditionalChinese ? ChineseConverter.shared.convert(s, .toTraditional) : s
    }

    static func promise(cutoff: String, shipDate: String, language: Language) -> String {
        if language == .english {
            return
                "Orders paid before \(cutoff) ship the same day, later ones the next day. Yours will ship \(shipDate), and I'll send you the tracking number as soon as it's out."
        }
        let s = "亲，我们\(cutoff)前付款的订单当天发货，之后的次日发货。您的订单会在\(shipDate)发出，发出后第一时间把单号发给您～"
        return language == .traditionalChinese ? ChineseConverter.shared.convert(s, .toTraditional) : s
    }
}
