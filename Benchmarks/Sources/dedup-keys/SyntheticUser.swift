import OnboardCore

/// User number `index` of a large partner's run: a distinct UPN over 10,000 tenants, e.g.
/// `sofia.garcia1234@tenant0417.onmicrosoft.com`, and a display name that is rarely repeated within
/// a tenant (names are picked by a hash of the index from 40 × 50 combinations).
struct SyntheticUser {
    static let firstNames = [
        "Anna", "Juergen", "Zoe", "Li", "Mohammed", "Sofia", "Oleg", "Chloe", "Bjoern", "Priya", "Lukas",
        "Emma",
        "Noah", "Mia", "Liam", "Olivia", "Mateo", "Lucia", "Hugo", "Ines", "Kenji", "Yuki", "Amir", "Leila",
        "Jan", "Maja", "Piotr", "Agnieszka", "Lars", "Ingrid", "Pierre", "Camille", "David", "Sarah", "Omar",
        "Fatima", "Carlos", "Elena", "Tom", "Nora",
    ]
    static let lastNames = [
        "Schmidt", "Mueller", "OBrien", "Nguyen", "Garcia", "Smith", "Kowalski", "Dubois", "Tanaka", "Rossi",
        "Johnson", "Brown", "Martin", "Bernard", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann",
        "Lopez", "Martinez", "Sanchez", "Perez", "Gomez", "Nowak", "Wisniewski", "Andersson", "Johansson",
        "Karlsson", "Nilsson", "Sato", "Suzuki", "Takahashi", "Watanabe", "Taylor", "Wilson", "Davies",
        "Evans", "Thomas", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "Schulz",
        "Keller", "Wolf",
    ]

    var first: String
    var last: String
    var tenant: String
    var userPrincipalName: String

    init(_ index: Int) {
        // A multiplicative hash spreads neighbouring indexes over the name lists.
        let mixed = UInt64(index) &* 0x9e37_79b9_7f4a_7c15
        first = Self.firstNames[Int((mixed >> 40) % UInt64(Self.firstNames.count))]
        last = Self.lastNames[Int((mixed >> 20) % UInt64(Self.lastNames.count))]
        let tenantNumber = String(index % 10_000)
        tenant = "tenant" + String(repeating: "0", count: 4 - tenantNumber.count) + tenantNumber
        userPrincipalName = "\(first.lowercased()).\(last.lowercased())\(index)@\(tenant).onmicrosoft.com"
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
