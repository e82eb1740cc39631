/// A customer's company name: non-empty after trimming, at most 256 characters.
public struct CompanyName: Sendable, Hashable, CustomStringConvertible {
    /// The most characters a company name may have.
    public static let maximumLength = 256

    /// The name, trimmed.
    public let rawValue: String

    /// Parses a company name.
    public static func parse(_ raw: String) throws(DomainViolations) -> CompanyName {
        let text = raw.trimmed
        if text.isEmpty {
            throw DomainViolations(
                DomainViolation(
                    .companyMissing, "The company name is empty; give the customer's company name."))
        }
        if text.count > maximumLength {
            throw DomainViolations(
                DomainViolation(
                    .companyLength,
                    "The company name has \(text.count) characters; use at most \(maximumLength)."))
        }
        return CompanyName(rawValue: text)
    }

    private init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
}
