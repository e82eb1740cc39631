/// The rules the intake itself checks (the core checks value syntax with its own `Rule` codes).
///
/// Codes never change once published: reports, rejects files and people's scripts match on them.
public enum IntakeRule: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case requiredMissing = "required.missing"
    case fieldCount = "row.field-count"
    case malformedRecord = "row.malformed"
    case upnWhitespace = "upn.whitespace"
    case yesNoInvalid = "yesno.invalid"
    case unknownTenant = "user.unknown-tenant"
    case invisibleCharacters = "text.invisible-characters"
    case duplicate = "dedup.duplicate"
    case conflict = "dedup.conflict"
    case nearDuplicateUser = "dedup.similar-user"
    case nearDuplicateCompany = "dedup.similar-company"

    /// The stable code.
    public var code: String { rawValue }

    public var description: String { rawValue }

    /// Error or warning: what the rule does to a row.
    public var severity: Finding.Severity {
        switch self {
        case .upnWhitespace, .invisibleCharacters, .nearDuplicateUser, .nearDuplicateCompany: .warning
        default: .error
        }
    }

    /// What the rule requires, in one plain sentence (the README's rules table).
    public var meaning: String {
        switch self {
        case .requiredMissing:
            "A required field has a value (customers: domain prefix, company, country, contact name and e-mail; users: user principal name)."
        case .fieldCount: "A row has as many fields as the header."
        case .malformedRecord: "A row is well-formed CSV (quotes closed, valid text)."
        case .upnWhitespace: "Warning: spaces around a user principal name are removed."
        case .yesNoInvalid: "A yes/no field is yes, no, y, n, true, false, 1 or 0 (any case)."
        case .unknownTenant: "A user's tenant is in this run's customers or already in the directory."
        case .invisibleCharacters:
            "Warning: a name contains control, zero-width or right-to-left override characters."
        case .duplicate: "A row repeating an earlier one (same key, same data) is skipped as a duplicate."
        case .conflict:
            "A row with the key of an earlier row but different data is rejected; the earlier row wins."
        case .nearDuplicateUser: "Warning: two users of one tenant have the same display name."
        case .nearDuplicateCompany:
            "Warning: two customers have the same company name apart from case, punctuation, accents and legal form."
        }
    }
}
