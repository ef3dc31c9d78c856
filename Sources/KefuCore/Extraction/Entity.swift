/// The kinds of value kefu extracts from a message. Raw values are the
/// template variable names they fill.
package enum EntityKind: String, Sendable, CaseIterable, Codable {
    case orderID = "order_id"
    case trackingNumber = "tracking_no"
    case carrier
    case amount
    case phone
    case size
    case color
    case quantity
    case sku
    case product
    // New kinds go at the end (other branches add theirs here too).
    case address
    case heightCM = "height_cm"
    case weightKG = "weight_kg"
    case invoiceTitle = "invoice_title"
    case taxID = "tax_id"
    case rating
    case parcelStatus = "parcel_status"
    case photosSent = "photos_sent"
}

/// One value found in a message.
public struct Entity: Sendable, Hashable {
    package var kind: EntityKind
    /// The value as it fills a template.
    package var value: String
    /// Extra facts (`currency` and `number` for amounts, `carrier` for tracking numbers).
    package var attributes: [String: String]

    package init(kind: EntityKind, value: String, attributes: [String: String] = [:]) {
        self.kind = kind
        self.value = value
        self.attributes = attributes
    }

    /// A value kefu read but cannot vouch for (a tracking number whose check
    /// digit fails): reported with the entities, never put into a draft.
    package var isAmbiguous: Bool { attributes["ambiguous"] != nil }

    /// The value as shown anywhere but inside a draft: phone numbers are masked
    /// so they do not spread through logs, scripts and screens.
    package var displayValue: String {
        guard kind == .phone else { return value }
        let digits = Array(value)
        guard digits.count >= 7 else { return String(repeating: "*", count: digits.count) }
        return String(digits.prefix(3)) + String(repeating: "*", count: digits.count - 7) + String(digits.suffix(4))
    }
}
