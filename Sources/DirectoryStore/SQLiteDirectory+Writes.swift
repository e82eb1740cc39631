import GRDB
import OnboardCore

extension SQLiteDirectory {
    public func createTenant(_ tenant: CustomerTenant) throws(DirectoryError) -> Secret {
        let password = makePassword(tenant.defaultAdmin.userPrincipalName)
        try writing("creating tenant \(tenant.prefix)") { db in
            tenantKeys.withLock { $0.removeAll() }
            try Self.insert(tenant, in: db)
        }
        return password.secret
    }

    public func updateTenant(_ tenant: CustomerTenant) throws(DirectoryError) {
        try writing("updating tenant \(tenant.prefix)") { db in
            tenantKeys.withLock { $0.removeAll() }
            try Self.update(tenant, in: db)
        }
    }

    /// Inserts a tenant with its domains, subscriptions and default admin (Owner on the cloud
    /// subscription). No look-up first: the UNIQUE constraints decide, so two processes on one file
    /// agree too. Throws `prefixTaken`, `domainTaken` (roll back to before it: rows may be written).
    static func insert(_ tenant: CustomerTenant, in db: Database) throws {
        let tenantID = try TenantRows.insert(db, tenant)
        let domainIDs = try TenantRows.saveDomains(db, tenant, tenantID: tenantID, existing: [:])
        let subscriptionIDs = try TenantRows.saveSubscriptions(db, tenant, tenantID: tenantID, existing: [:])
        let admin = tenant.defaultAdmin
        var row = UserRowImage()
        row.load(admin, role: tenant.defaultAdminAssignment)
        _ = try UserRows(db).insert(
            row, name: admin.userPrincipalName, tenantID: tenantID,
            domainID: domainIDs[admin.userPrincipalName.domain]!,
            subscriptionID: subscriptionIDs[tenant.primarySubscription.id]!)
    }

    /// Replaces a stored tenant's attributes, domains and subscriptions; checks everything before it
    /// writes anything. Throws `unknownTenant`, `domainTaken`, `conflict`.
    static func update(_ tenant: CustomerTenant, in db: Database) throws {
        guard let stored = try StoredTenant.fetch(db, prefix: tenant.prefix) else {
            throw DirectoryError.unknownTenant(tenant.prefix)
        }
        for domain in tenant.domains {
            let owner = try Int64.fetchOne(
                db, sql: "SELECT tenant_id FROM tenant_domain WHERE domain = ?", arguments: [domain.rawValue])
            if let owner, owner != stored.id { throw DirectoryError.domainTaken(domain) }
        }
        var problems: [DomainViolation] = []
        for (domain, id) in stored.domainIDs.sorted(by: { $0.key < $1.key }) where !tenant.owns(domain) {
            let users = try String.fetchAll(
                db,
                sql: "SELECT upn FROM tenant_user WHERE tenant_id = ? AND domain_id = ? ORDER BY upn_key",
                arguments: [stored.id, id])
            problems += users.map { StoreConflicts.domainInUse(domain, tenant: tenant.prefix, user: $0) }
        }
        for (subscription, id) in stored.subscriptionIDs.sorted(by: { $0.key < $1.key })
        where !tenant.hasSubscription(subscription) {
            let users = try String.fetchAll(
                db,
                sql: """
                    SELECT upn FROM tenant_user WHERE tenant_id = ? AND subscription_id = ? ORDER BY upn_key
                    """, arguments: [stored.id, id])
            problems += users.map {
                StoreConflicts.subscriptionInUse(subscription, tenant: tenant.prefix, user: $0)
            }
        }
        if !problems.isEmpty { throw DirectoryError.conflict(DomainViolations(problems)) }
        try TenantRows.update(db, id: stored.id, tenant)
        _ = try TenantRows.saveDomains(db, tenant, tenantID: stored.id, existing: stored.domainIDs)
        _ = try TenantRows.saveSubscriptions(
            db, tenant, tenantID: stored.id, existing: stored.subscriptionIDs)
    }

    public func createUser(_ user: TenantUser, password: TemporaryPassword?) throws(DirectoryError) -> Secret
    {
        let password = password ?? makePassword(user.userPrincipalName)
        try writing("creating user \(user.userPrincipalName)") { db in
            guard let tenant = try TenantKeys.fetch(db, prefix: user.tenant) else {
                throw DirectoryError.unknownTenant(user.tenant)
            }
            if try StoredUser.fetch(db, key: user.key) != nil {
                throw DirectoryError.upnTaken(user.userPrincipalName)
            }
            guard let domainID = tenant.domainIDs[user.userPrincipalName.domain] else {
                throw DirectoryError.upnDomainNotInTenant(user.userPrincipalName, tenant: user.tenant)
            }
            var row = UserRowImage()
            row.load(user, role: nil)
            _ = try UserRows(db).insert(
                row, name: user.userPrincipalName, tenantID: tenant.id, domainID: domainID,
                subscriptionID: nil)
        }
        return password.secret
    }

    public func updateUser(_ user: TenantUser) throws(DirectoryError) {
        try writing("updating user \(user.userPrincipalName)") { db in
            guard let existing = try StoredUser.fetch(db, key: user.key), existing.user.tenant == user.tenant,
                existing.user.isDefaultAdmin == user.isDefaultAdmin
            else { throw DirectoryError.unknownUser(user.userPrincipalName) }
            guard let tenant = try TenantKeys.fetch(db, prefix: existing.user.tenant),
                let domainID = tenant.domainIDs[user.userPrincipalName.domain]
            else { throw DirectoryError.upnDomainNotInTenant(user.userPrincipalName, tenant: user.tenant) }
            var row = UserRowImage()
            row.load(user, role: existing.role)
            try UserRows(db).update(
                id: existing.id, row, domainID: domainID, subscriptionID: existing.subscriptionID)
        }
    }

    public func assignRole(_ assignment: RoleAssignment) throws(DirectoryError) {
        try writing("assigning a role to \(assignment.user)") { db in
            guard let tenant = try TenantKeys.fetch(db, prefix: assignment.tenant) else {
                throw DirectoryError.unknownTenant(assignment.tenant)
            }
            guard let user = try StoredUser.fetch(db, key: assignment.user.key), user.tenantID == tenant.id
            else {
                throw DirectoryError.unknownUser(assignment.user)
            }
            let subscriptionID = try StoreConflicts.check(assignment, for: user.user, in: tenant)
            var row = UserRowImage()
            row.load(user.user, role: assignment)
            try UserRows(db).update(id: user.id, row, domainID: user.domainID, subscriptionID: subscriptionID)
        }
    }

    public func recordRecovery(_ record: RecoveryRecord) throws(DirectoryError) {
        try writing("recording the recovery set-up of \(record.tenant)") { db in
            try Self.save(record, in: db)
        }
    }

    /// Writes each tenant's record after its last step, all in one transaction: the store keeps only
    /// that record, and the set-ups' secrets are on the partner sheet before any step is recorded, so
    /// recording the steps one transaction each would add a commit per step and no safety.
    public func recordRecoverySteps(_ records: [RecoveryRecord]) -> [Result<Void, DirectoryError>] {
        guard !records.isEmpty else { return [] }
        do throws(DirectoryError) {
            return try writing("recording the recovery set-ups of \(records.count) tenants") { db in
                try records.map { record in
                    do {
                        try Self.save(record, in: db)
                        return .success(())
                    } catch let error as DirectoryError {
                        return .failure(error)
                    }
                }
            }
        } catch {
            return records.map { _ in .failure(error) }
        }
    }

    /// Saves a tenant's recovery record, replacing an earlier one. Throws `unknownTenant`.
    private static func save(_ record: RecoveryRecord, in db: Database) throws {
        guard
            let id = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM tenant WHERE prefix = ?"),
                arguments: [record.tenant.rawValue])
        else { throw DirectoryError.unknownTenant(record.tenant) }
        try StoredRecovery.save(db, record, tenantID: id)
    }
}
