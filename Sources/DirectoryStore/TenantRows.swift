import GRDB
import OnboardCore

/// The store's writes of tenants, their domains and subscriptions.
enum TenantRows {
    /// Inserts the tenant's own row and returns its id. A UNIQUE violation becomes `prefixTaken`.
    static func insert(_ db: Database, _ tenant: CustomerTenant) throws -> Int64 {
        try mappingUniqueViolation(on: "tenant.prefix", to: .prefixTaken(tenant.prefix)) {
            try db.execute(
                sql: """
                    INSERT INTO tenant (prefix, company, country, street, city, region, postal_code,
                        contact_first_name, contact_last_name, contact_email, contact_phone, language, culture, dr_mode)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: StatementArguments([tenant.prefix.rawValue] + attributes(tenant)))
        }
        return db.lastInsertedRowID
    }

    /// Replaces the attributes of the tenant's own row.
    static func update(_ db: Database, id: Int64, _ tenant: CustomerTenant) throws {
        try db.execute(
            sql: """
                UPDATE tenant SET company = ?, country = ?, street = ?, city = ?, region = ?, postal_code = ?,
                    contact_first_name = ?, contact_last_name = ?, contact_email = ?, contact_phone = ?,
                    language = ?, culture = ?, dr_mode = ?
                WHERE id = ?
                """, arguments: StatementArguments(attributes(tenant) + [id]))
    }

    private static func attributes(_ tenant: CustomerTenant) -> [(any DatabaseValueConvertible)?] {
        [
            tenant.company.rawValue, tenant.country.rawValue, tenant.address.street, tenant.address.city,
            tenant.address.region, tenant.address.postalCode, tenant.contact.firstName,
            tenant.contact.lastName,
            tenant.contact.email.rawValue, tenant.contact.phone, tenant.language.rawValue,
            tenant.culture.rawValue,
            tenant.disasterRecoveryMode.rawValue,
        ]
    }

    /// Makes the tenant's domain rows what `tenant.domains` says, in order; returns their ids.
    /// `existing` holds the ids of the domains it has now. A domain of another tenant is `domainTaken`.
    static func saveDomains(
        _ db: Database, _ tenant: CustomerTenant, tenantID: Int64, existing: [DomainName: Int64]
    )
        throws -> [DomainName: Int64]
    {
        for (domain, id) in existing where !tenant.owns(domain) {
            try db.execute(sql: "DELETE FROM tenant_domain WHERE id = ?", arguments: [id])
        }
        var ids: [DomainName: Int64] = [:]
        for (position, domain) in tenant.domains.enumerated() {
            if let id = existing[domain] {
                try db.execute(
                    sql: "UPDATE tenant_domain SET position = ? WHERE id = ?", arguments: [position, id])
                ids[domain] = id
            } else {
                try mappingUniqueViolation(on: "tenant_domain.domain", to: .domainTaken(domain)) {
                    try db.execute(
                        sql: "INSERT INTO tenant_domain (tenant_id, domain, position) VALUES (?, ?, ?)",
                        arguments: [tenantID, domain.rawValue, position])
                }
                ids[domain] = db.lastInsertedRowID
            }
        }
        return ids
    }

    /// Makes the tenant's subscription rows what `tenant.subscriptions` says, in order; returns their
    /// ids. `existing` holds the ids of the subscriptions it has now.
    static func saveSubscriptions(
        _ db: Database, _ tenant: CustomerTenant, tenantID: Int64, existing: [Subscription.ID: Int64]
    ) throws -> [Subscription.ID: Int64] {
        for (subscription, id) in existing where !tenant.hasSubscription(subscription) {
            try db.execute(sql: "DELETE FROM subscription WHERE id = ?", arguments: [id])
        }
        var ids: [Subscription.ID: Int64] = [:]
        for (position, subscription) in tenant.subscriptions.enumerated() {
            if let id = existing[subscription.id] {
                try db.execute(
                    sql: "UPDATE subscription SET position = ?, offer = ? WHERE id = ?",
                    arguments: [position, subscription.offer.rawValue, id])
                ids[subscription.id] = id
            } else {
                try db.execute(
                    sql: "INSERT INTO subscription (tenant_id, uuid, offer, position) VALUES (?, ?, ?, ?)",
                    arguments: [tenantID, subscription.id.rawValue, subscription.offer.rawValue, position])
                ids[subscription.id] = db.lastInsertedRowID
            }
        }
        return ids
    }
}
