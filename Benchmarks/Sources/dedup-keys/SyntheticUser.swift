import OnboardCore

/// User number `index` of a large partner's run: distinct, lower-case, spread over 10,000 tenants,
/// e.g. `sofia.garcia1234@tenant0417.onmicrosoft.com`.
struct SyntheticUser {
    static let firstNames = [
        "anna", "juergen", "zoe", "li", "mohammed", "sofia", "oleg", "chloe", "bjoern", "priya",
    ]
    static let lastNames = [
        "schmidt", "mueller", "obrien", "nguyen", "garcia", "smith", "kowalski", "dubois", "tanaka",
    ]

    var first: String
    var last: String
    var tenant: String
    var userPrincipalName: String

    init(_ index: Int) {
        first = Self.firstNames[index % Self.firstNames.count]
        last = Self.lastNames[(index / Self.firstNames.count) % Self.lastNames.count]
        let tenantNumber = String(index % 10_000)
        tenant = "tenant" + String(repeating: "0", count: 4 - tenantNumber.count) + tenantNumber
        userPrincipalName = "\(first).\(last)\(index)@\(tenant).onmicrosoft.com"
    }

    /// The row's values, as a fingerprint covers them.
    var fields: [String] {
        [tenant, userPrincipalName, "\(first) \(last)", first, last, "", "", "DE", "Reader", "0", ""]
    }

    /// The checked draft intake makes of the row.
    func draft() throws -> UserDraft {
        UserDraft(
            tenant: try DomainPrefix.parse(tenant),
            userPrincipalName: try UserPrincipalName.parse(userPrincipalName),
            displayName: try DisplayName.make(firstName: first, lastName: last), firstName: first,
            lastName: last,
            role: .reader)
    }
}
