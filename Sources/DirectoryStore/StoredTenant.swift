import GRDB
import OnboardCore

/// A tenant as the store holds it: the core's tenant plus the row ids its users and roles refer to.
struct StoredTenant {
    let id: Int64
    let tenant: CustomerTenant
    /// The row id of each of the tenant's domains.
    let domainIDs: [DomainName: Int64]
    /// The row id of each of the tenant's subscriptions.
    let subscriptionIDs: [Subscription.ID: Int64]

    private static let columns = """
        id, prefix, company, country, street, city, region, postal_code, contact_first_name,
        contact_last_name, contact_email, contact_phone, language, culture, dr_mode
        """

    /// The tenant with this prefix, if any.
    static func fetch(_ db: Database, prefix: DomainPrefix) throws -> StoredTenant? {
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM tenant WHERE prefix = ?")
        guard let row = try Row.fetchOne(statement, arguments: [prefix.rawValue]) else { return nil }
        return try StoredTenant(db, row: row)
    }

    /// The tenant with this row id, if any.
    static func fetch(_ db: Database, id: Int64) throws -> StoredTenant? {
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM tenant WHERE id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [id]) else { return nil }
        return try StoredTenant(db, row: row)
    }

    /// Every tenant, ordered by prefix.
    static func fetchAll(_ db: Database) throws -> [StoredTenant] {
        try Row.fetchAll(db, sql: "SELECT \(columns) FROM tenant ORDER BY prefix").map {
            try StoredTenant(db, row: $0)
        }
    }

    /// Rebuilds the tenant through the core's checking parsers: a tenant is read rarely, and a value
    /// that no longer parses (a file edited by hand) is reported instead of trusted.
    private init(_ db: Database, row: Row) throws {
        id = row[0]
        let prefix: String = row[1]
        let domains = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT id, domain FROM tenant_domain WHERE tenant_id = ? ORDER BY position"),
            arguments: [id])
        let offers = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT id, offer FROM subscription WHERE tenant_id = ? ORDER BY position"),
            arguments: [id])
        do {
            let country = try CountryCode.parse(row[3])
            let draft = TenantDraft(
                prefix: try DomainPrefix.parse(prefix), company: try CompanyName.parse(row[2]),
                country: country,
                address: PostalAddress(street: row[4], city: row[5], region: row[6], postalCode: row[7]),
                contact: Contact(
                    firstName: row[8], lastName: row[9], email: try EmailAddress.parse(row[10]),
                    phone: row[11]),
                language: try LanguageCode.parse(row[12]), culture: try Culture.parse(row[13]),
                offers: try offers.map { (row) throws(DomainViolations) in try SubscriptionOffer.parse(row[1])
                },
                disasterRecoveryMode: try DisasterRecoveryMode.parse(row[14]),
                extraDomains: try domains.dropFirst().map { (row) throws(DomainViolations) in
                    try DomainName.parse(row[1])
                })
            tenant = CustomerTenant(draft)
        } catch {
            throw DirectoryError.permanent(
                reason:
                    "the store holds an invalid value for tenant \(prefix): \(error.violations.map(\.message).joined(separator: " "))"
            )
        }
        var domainIDs: [DomainName: Int64] = [:]
        for (domain, row) in zip(tenant.domains, domains) { domainIDs[domain] = row[0] }
        self.domainIDs = domainIDs
        var subscriptionIDs: [Subscription.ID: Int64] = [:]
        for (subscription, row) in zip(tenant.subscriptions, offers) {
            subscriptionIDs[subscription.id] = row[0]
        }
        self.subscriptionIDs = subscriptionIDs
    }
}
