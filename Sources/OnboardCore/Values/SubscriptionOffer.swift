/// The name of an offer a tenant subscribes to, such as `Azure` (the cloud subscription).
///
/// Non-empty after trimming, at most 64 characters. Offers are the same when their names match
/// ignoring case and spaces, so `azure` and `Azure` are one offer; the first spelling is kept.
public struct SubscriptionOffer: Sendable, Hashable, CustomStringConvertible {
    /// The most characters an offer name may have.
    public static let maximumLength = 64

    /// The cloud subscription every tenant has.
    public static let azure = SubscriptionOffer(rawValue: "Azure")

    /// The name as given, trimmed.
    public let rawValue: String

    /// Parses an offer name.
    public static func parse(_ raw: String) throws(DomainViolations) -> SubscriptionOffer {
        let text = raw.trimmed
        if text.isEmpty {
            throw DomainViolations(
                DomainViolation(.offerMissing, "A subscription offer name is empty; give e.g. Azure."))
        }
        if text.count > maximumLength {
            throw DomainViolations(
                DomainViolation(
                    .offerLength,
                    "The subscription offer \(quoted(text)) has \(text.count) characters; use at most \(maximumLength)."
                ))
        }
        return text.looseKey == azure.key ? azure : SubscriptionOffer(rawValue: text)
    }

    private init(rawValue: String) { self.rawValue = rawValue }

    /// What makes two offers the same: lower-cased, without spaces, `-` and `_`.
    public var key: String { rawValue.looseKey }

    public static func == (lhs: SubscriptionOffer, rhs: SubscriptionOffer) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    public var description: String { rawValue }
}
