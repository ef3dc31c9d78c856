import Foundation

/// The parcel's status as the session says it (`--var status=delayed`, or
/// `vars` in a JSON record): English codes or the Chinese words agents use.
enum LogisticsStatus: String, Sendable {
    case inTransit = "in_transit"
    case delayed
    case delivered

    init?(_ value: String?) {
        guard let v = value?.lowercased().trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
        switch v {
        case "in_transit", "in transit", "transit", "运输中", "在途", "運輸中": self = .inTransit
        case "delayed", "delay", "延误", "延迟", "延誤", "延遲": self = .delayed
        case "delivered", "signed", "已签收", "签收", "已簽收": self = .delivered
        default: return nil
        }
    }
}
