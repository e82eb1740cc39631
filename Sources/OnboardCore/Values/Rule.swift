/// The rules the domain core enforces, each with a stable dotted code for reports and the README.
///
/// Codes never change once published: reports, rejects files and people's scripts match on them.
/// `meaning` is the plain-language line of the README's rules table.
public enum Rule: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case prefixLength = "prefix.length"
    case prefixCharacters = "prefix.characters"
    case domainSyntax = "domain.syntax"
    case domainLength = "domain.length"
    case countryUnknown = "country.unknown"
    case languageUnknown = "language.unknown"
    case cultureFormat = "culture.format"
    case cultureLanguage = "culture.language"
    case cultureCountry = "culture.country"
    case emailSyntax = "email.syntax"
    case emailLength = "email.length"
    case upnAtSign = "upn.at-sign"
    case upnLocalPartLength = "upn.local-part.length"
    case upnLocalPartCharacters = "upn.local-part.characters"
    case upnDots = "upn.dots"
    case upnLength = "upn.length"
    case upnDomainSyntax = "upn.domain-syntax"
    case upnDomain = "upn.domain"
    case displayNameMissing = "display-name.missing"
    case displayNameLength = "display-name.length"
    case companyMissing = "company.missing"
    case companyLength = "company.length"
    case offerMissing = "offer.missing"
    case offerLength = "offer.length"
    case passwordLength = "password.length"
    case passwordCharacters = "password.characters"
    case passwordClasses = "password.classes"
    case passwordContainsUserName = "password.contains-user-name"
    case roleUnknown = "role.unknown"
    case roleOwnerInManagedMode = "role.owner-in-managed-mode"
    case roleForeignSubscription = "role.foreign-subscription"
    case roleDefaultAdmin = "role.default-admin"
    case userForeignTenant = "user.foreign-tenant"
    case userDefaultAdmin = "user.default-admin"
    case drModeUnknown = "dr-mode.unknown"

    /// The stable code, e.g. `prefix.characters`.
    public var code: String { rawValue }

    public var description: String { rawValue }

    /// What the rule requires, in one plain sentence.
    public var meaning: String {
        switch self {
        case .prefixLength: "A domain prefix has 1 to 27 characters."
        case .prefixCharacters:
            "A domain prefix has only letters A–Z and digits (no spaces, dots or hyphens)."
        case .domainSyntax:
            "A domain name is labels of letters, digits and hyphens separated by single dots, with at least one dot."
        case .domainLength: "A domain name has at most 253 characters, each label at most 63."
        case .countryUnknown: "A country is an assigned ISO 3166-1 two-letter code such as DE, US or FR."
        case .languageUnknown: "A language is an ISO 639-1 two-letter code such as en, de or fr."
        case .cultureFormat: "A culture is written language-COUNTRY, such as en-US or de-DE."
        case .cultureLanguage: "The language part of a culture is an ISO 639-1 code."
        case .cultureCountry: "The country part of a culture is an ISO 3166-1 code."
        case .emailSyntax:
            "An e-mail address is name@domain.tld without spaces, leading, trailing or double dots."
        case .emailLength: "An e-mail address has at most 254 characters, its name part at most 64."
        case .upnAtSign: "A user principal name contains exactly one @."
        case .upnLocalPartLength: "The part before the @ of a user principal name has 1 to 64 characters."
        case .upnLocalPartCharacters:
            "The part before the @ of a user principal name has only letters A–Z, digits and ' . - _ ! # ^ ~."
        case .upnDots:
            "The part before the @ of a user principal name does not start or end with a dot or contain two dots in a row."
        case .upnLength: "A user principal name has at most 113 characters."
        case .upnDomainSyntax: "The part after the @ of a user principal name is a valid domain name."
        case .upnDomain: "A user principal name's domain is one of its own tenant's domains."
        case .displayNameMissing: "A user has a display name, or a first or last name to make one from."
        case .displayNameLength: "A display name has at most 256 characters."
        case .companyMissing: "A customer has a company name."
        case .companyLength: "A company name has at most 256 characters."
        case .offerMissing: "A subscription offer has a name."
        case .offerLength: "A subscription offer name has at most 64 characters."
        case .passwordLength: "A temporary password has 8 to 256 characters."
        case .passwordCharacters:
            "A temporary password has only ASCII letters, digits, symbols and spaces (no accents, emoji or control characters)."
        case .passwordClasses:
            "A temporary password has at least three of: upper-case letters, lower-case letters, digits, symbols."
        case .passwordContainsUserName:
            "A temporary password does not contain the user's name (the part before the @)."
        case .roleUnknown:
            "An access level is Owner, Contributor, Reader, Site Recovery Contributor, Site Recovery Operator or Site Recovery Reader (case, spaces, - and _ ignored; ASR Contributor, ASR Operator, ASR Reader also accepted)."
        case .roleOwnerInManagedMode:
            "When the partner manages disaster recovery, tenant users are not Owner (unless the policy allows it)."
        case .roleForeignSubscription: "A role is only assigned on the user's own tenant's subscription."
        case .roleDefaultAdmin: "A tenant's default admin stays Owner on the cloud subscription."
        case .userForeignTenant: "A user only gets access in their own tenant."
        case .userDefaultAdmin:
            "The default admin (admin@prefix.onmicrosoft.com) is created with its tenant, not listed as a user."
        case .drModeUnknown:
            "Disaster recovery mode is managed or self-service (also partner-managed, customer-managed; case, spaces, - and _ ignored)."
        }
    }
}
