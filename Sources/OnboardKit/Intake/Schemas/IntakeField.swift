/// A column onboard understands, whatever a given input format calls it.
///
/// Every input format (onboard's own files, the portal's bulk-create template, the admin center's
/// template) is a set of header names for these fields; the rest of the intake speaks only fields.
public enum IntakeField: String, Sendable, Hashable, CaseIterable {
    // Customers
    case domainPrefix = "domain_prefix"
    case company
    case country
    case address
    case city
    case region
    case postalCode = "postal_code"
    case contactFirstName = "contact_first_name"
    case contactLastName = "contact_last_name"
    case contactEmail = "contact_email"
    case contactPhone = "contact_phone"
    case language
    case culture
    case subscriptions
    case drMode = "dr_mode"
    case domains
    // Users
    case tenant
    case userPrincipalName = "user_principal_name"
    case displayName = "display_name"
    case firstName = "first_name"
    case lastName = "last_name"
    case jobTitle = "job_title"
    case department
    case usageLocation = "usage_location"
    case role
    case blockSignIn = "block_sign_in"
    case password
    // Template columns that onboard reads past: recognised (no warning), not provisioned.
    case officeNumber = "office_number"
    case officePhone = "office_phone"
    case mobilePhone = "mobile_phone"
    case fax
    case alternateEmail = "alternate_email"
    case streetAddress = "street_address"
    case state
    case userCountry = "user_country"

    /// True for a field whose value must never be shown (reports, messages, rejects files).
    public var isSecret: Bool { self == .password }
}

extension IntakeField {
    /// The case's position in `allCases` (0, 1, 2, …): an index for per-field arrays.
    ///
    /// A payload-free enum is stored as its case's declaration index, so this reads that byte
    /// instead of searching `allCases` or hashing the raw value; a test checks it against `allCases`.
    var ordinal: Int {
        withUnsafeBytes(of: self) { Int($0[0]) }
    }
}
