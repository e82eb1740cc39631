import GRDB
import OnboardCore

/// What the writes of users and roles need to know of a tenant: its row ids, by domain and by
/// subscription. Read with three small queries and no parsing, unlike ``StoredTenant``.
struct TenantKeys: Sendable {
    let id: Int64
    let prefix: DomainPrefix
    let domainIDs: [DomainName: Int64]
    let subscriptionIDs: [Subscription.ID: Int64]
    /// The cloud subscription (position 0), where the default admin is Owner.
    let primarySubscription: Subscription.ID?

    static func fetch(_ db: Database, prefix: DomainPrefix) throws -> TenantKeys? {
        let tenant = try RawStatement(db, sql: "SELECT id FROM tenant WHERE prefix = ?")
        tenant.bind([.text(prefix.rawValue)])
        guard try tenant.step() else { return nil }
        let id = tenant.integer(0)
        tenant.reset()
        var domainIDs: [DomainName: Int64] = [:]
        let domains = try RawStatement(db, sql: "SELECT domain, id FROM tenant_domain WHERE tenant_id = ?")
        domains.bind([.integer(id)])
        defer { domains.reset() }
        while try domains.step() {
            domainIDs[DomainName(restoring: domains.text(0) ?? "")] = domains.integer(1)
        }
        var subscriptionIDs: [Subscription.ID: Int64] = [:]
        var primary: Subscription.ID?
        let subscriptions = try RawStatement(
            db, sql: "SELECT uuid, id, position FROM subscription WHERE tenant_id = ?")
        subscriptions.bind([.integer(id)])
        defer { subscriptions.reset() }
        while try subscriptions.step() {
            let subscription = Subscription.ID(restoring: subscriptions.text(0) ?? "")
            subscriptionIDs[subscription] = subscriptions.integer(1)
            if subscriptions.integer(2) == 0 { primary = subscription }
        }
        return TenantKeys(
            id: id, prefix: prefix, domainIDs: domainIDs, subscriptionIDs: subscriptionIDs,
            primarySubscription: primary)
    }
}

/// The ``TenantKeys`` the writer has looked up, kept across batches: a batch of 2,000 users may name
/// 1,000 tenants, and looking each up again per batch would cost more than the users' own rows.
///
/// Used only inside write transactions (one at a time). It is emptied whenever this process writes a
/// tenant, and whenever SQLite's `data_version` shows that another process wrote to the file.
struct TenantKeyCache: Sendable {
    private var dataVersion: Int64?
    private var tenants: [DomainPrefix: TenantKeys?] = [:]

    /// Forgets every tenant (after this process created or updated one).
    mutating func removeAll() { tenants.removeAll(keepingCapacity: true) }

    /// Forgets every tenant if another connection committed since the last look.
    mutating func validate(_ db: Database) throws {
        let version = try Int64.fetchOne(db, sql: "PRAGMA data_version")
        if version != dataVersion {
            removeAll()
            dataVersion = version
        }
    }

    mutating func tenant(_ prefix: DomainPrefix, in db: Database) throws -> TenantKeys? {
        if let known = tenants[prefix] { return known }
        let keys = try TenantKeys.fetch(db, prefix: prefix)
        tenants[prefix] = keys
        return keys
    }
}
