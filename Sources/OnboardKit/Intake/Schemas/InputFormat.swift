/// The kinds of input file onboard reads, told apart by their header.
public enum InputFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// onboard's own `customers.csv`.
    case customers
    /// onboard's own `users.csv`.
    case users
    /// The identity portal's bulk-create users template (`version:v1.0`, `Name [displayName] Required`, …).
    case portalBulkCreate = "portal-bulk-create"
    /// The admin center's "add multiple users" template (`User Name`, `First Name`, …).
    case adminCenter = "admin-center"

    /// What a person calls this format, for messages.
    public var title: String {
        switch self {
        case .customers: "onboard's customers.csv"
        case .users: "onboard's users.csv"
        case .portalBulkCreate: "the identity portal's bulk-create users template"
        case .adminCenter: "the admin center's add-multiple-users template"
        }
    }

    /// True for the formats that hold users (everything but customers).
    public var holdsUsers: Bool { self != .customers }

    /// The columns a file of this format must have.
    public var requiredFields: [IntakeField] {
        switch self {
        case .customers:
            [.domainPrefix, .company, .country, .contactFirstName, .contactLastName, .contactEmail]
        case .users, .portalBulkCreate, .adminCenter:
            [.userPrincipalName]
        }
    }

    /// The header names of this format, field by field, in the format's usual column order.
    ///
    /// The first name of each field is how messages name a missing column.
    var columns: [(field: IntakeField, names: [String])] {
        switch self {
        case .customers:
            [
                (.domainPrefix, ["domain_prefix", "prefix"]),
                (.company, ["company", "company_name"]),
                (.country, ["country", "country_code"]),
                (.address, ["address", "street_address"]),
                (.city, ["city"]),
                (.region, ["region", "state", "state_or_province"]),
                (.postalCode, ["postal_code", "zip", "zip_code"]),
                (.contactFirstName, ["contact_first_name"]),
                (.contactLastName, ["contact_last_name"]),
                (.contactEmail, ["contact_email"]),
                (.contactPhone, ["contact_phone"]),
                (.language, ["language"]),
                (.culture, ["culture", "locale"]),
                (.subscriptions, ["subscriptions"]),
                (.drMode, ["dr_mode", "disaster_recovery_mode"]),
                (.domains, ["domains"]),
            ]
        case .users:
            [
                (.tenant, ["tenant", "domain_prefix"]),
                (.userPrincipalName, ["user_principal_name", "upn"]),
                (.displayName, ["display_name"]),
                (.firstName, ["first_name", "given_name"]),
                (.lastName, ["last_name", "surname"]),
                (.jobTitle, ["job_title"]),
                (.department, ["department"]),
                (.usageLocation, ["usage_location"]),
                (.role, ["role", "access_level"]),
                (.blockSignIn, ["block_sign_in"]),
                (.password, ["password"]),
            ]
        case .portalBulkCreate:
            [
                (.displayName, ["Name [displayName]", "displayName"]),
                (.userPrincipalName, ["User name [userPrincipalName]", "userPrincipalName"]),
                (.password, ["Initial password [passwordProfile]", "passwordProfile"]),
                (.blockSignIn, ["Block sign in (Yes/No) [accountEnabled]", "accountEnabled"]),
                (.firstName, ["First name [givenName]", "givenName"]),
                (.lastName, ["Last name [surname]", "surname"]),
                (.jobTitle, ["Job title [jobTitle]"]),
                (.department, ["Department [department]"]),
                (.usageLocation, ["Usage location [usageLocation]"]),
                (.streetAddress, ["Street address [streetAddress]"]),
                (.state, ["State or province [state]"]),
                (.userCountry, ["Country or region [country]"]),
                (.officeNumber, ["Office [physicalDeliveryOfficeName]", "physicalDeliveryOfficeName"]),
                (.city, ["City [city]"]),
                (.postalCode, ["ZIP or postal code [postalCode]"]),
                (.officePhone, ["Office phone [telephoneNumber]", "telephoneNumber"]),
                (.mobilePhone, ["Mobile phone [mobile]", "mobile"]),
            ]
        case .adminCenter:
            [
                (.userPrincipalName, ["User Name"]),
                (.firstName, ["First Name"]),
                (.lastName, ["Last Name"]),
                (.displayName, ["Display Name"]),
                (.jobTitle, ["Job Title"]),
                (.department, ["Department"]),
                (.officeNumber, ["Office Number"]),
                (.officePhone, ["Office Phone"]),
                (.mobilePhone, ["Mobile Phone"]),
                (.fax, ["Fax"]),
                (.alternateEmail, ["Alternate email address"]),
                (.streetAddress, ["Address"]),
                (.city, ["City"]),
                (.state, ["State or Province"]),
                (.postalCode, ["ZIP or Postal Code"]),
                // The template has no usage location: the user's country is where they use it.
                (.usageLocation, ["Country or Region"]),
            ]
        }
    }

    /// The name a message uses for a field's column in this format.
    public func columnName(for field: IntakeField) -> String {
        columns.first { $0.field == field }?.names.first ?? field.rawValue
    }
}
