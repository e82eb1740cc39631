/// A customer's postal address; every part is optional, as in the input.
public struct PostalAddress: Sendable, Hashable {
    public var street: String?
    public var city: String?
    public var region: String?
    public var postalCode: String?

    /// Makes an address; empty or blank parts become `nil`, so "" and a missing column are the same.
    public init(street: String? = nil, city: String? = nil, region: String? = nil, postalCode: String? = nil)
    {
        self.street = street.nonBlank
        self.city = city.nonBlank
        self.region = region.nonBlank
        self.postalCode = postalCode.nonBlank
    }
}

extension Optional<String> {
    /// The trimmed text, or `nil` when missing or blank.
    var nonBlank: String? {
        guard let text = self?.trimmed, !text.isEmpty else { return nil }
        return text
    }
}
