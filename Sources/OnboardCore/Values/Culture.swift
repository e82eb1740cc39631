/// A culture (locale) such as `de-DE`: a known language and a known country.
///
/// Written `ll-CC`; `_` is accepted for `-` and case is normalised, so `DE_de` becomes `de-DE`.
public struct Culture: Sendable, Hashable, CustomStringConvertible {
    public let language: LanguageCode
    public let country: CountryCode

    /// The culture of a language in a country, e.g. the default culture of a tenant.
    public init(language: LanguageCode, country: CountryCode) {
        self.language = language
        self.country = country
    }

    /// Parses a culture, reporting an unknown language and an unknown country together.
    public static func parse(_ raw: String) throws(DomainViolations) -> Culture {
        let text = raw.trimmed
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "_" })
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }) else {
            throw DomainViolations(
                DomainViolation(
                    .cultureFormat,
                    "The culture \(quoted(text)) is not written language-COUNTRY; use e.g. en-US or de-DE."))
        }
        var problems = ViolationList()
        if !LanguageCode.table.contains(parts[0]) {
            problems.add(
                .cultureLanguage,
                "The culture \(quoted(text)) has the unknown language \(quoted(String(parts[0]))); use an ISO 639-1 code such as en or de."
            )
        }
        if !CountryCode.table.contains(parts[1]) {
            problems.add(
                .cultureCountry,
                "The culture \(quoted(text)) has the unknown country \(quoted(String(parts[1]))); use an ISO 3166-1 code such as US or DE."
            )
        }
        try problems.throwIfAny()
        return Culture(
            language: LanguageCode(checked: String(parts[0]).asciiLowercased),
            country: CountryCode(checked: String(parts[1]).asciiUppercased))
    }

    /// The normalised form, e.g. `de-DE`.
    public var rawValue: String { "\(language.rawValue)-\(country.rawValue)" }

    public var description: String { rawValue }
}
