import GRDB
import OnboardCore

extension SQLiteDirectory {
    public func createTenant(_ tenant: CustomerTenant) throws(DirectoryError) -> Secret {
        let password = makePassword(tenant.defaultAdmin.userPrincipalName)
        try writing("creating tenant \(tenant.prefix)") { db in
            tenantKeys.withLock { $0.removeAll() }
            // No look-up first: the UNIQUE constraints decide, so two processes on one file agree too.
            let tenantID = try TenantRows.insert(db, tenant)
            let domainIDs = try TenantRows.saveDomains(db, tenant, tenantID: tenantID, existing: [:])
            let subscriptionIDs = try TenantRows.saveSubscriptions(
                db, tenant, tenantID: tenantID, existing: [:])
            let admin = tenant.defaultAdmin
            let adminID = try UserRows.insert(
                db, admin, tenantID: tenantID, domainID: domainIDs[admin.userPrincipalName.domain]!)
            try UserRows.saveRole(
                db, userID: adminID, subscriptionID: subscriptionIDs[tenant.primarySubscription.id]!,
                role: .owner)
        }
        return password.secret
    }

    public func updateTenant(_ tenant: CustomerTenant) throws(DirectoryError) {
        try writing("updating tenant \(tenant.prefix)") { db in
            tenantKeys.withLock { $0.removeAll() }
            guard let stored = try StoredTenant.fetch(db, prefix: tenant.prefix) else {
                throw DirectoryError.unknownTenant(tenant.prefix)
            }
            for domain in tenant.domains {
                let owner = try Int64.fetchOne(
                    db, sql: "SELECT tenant_id FROM tenant_domain WHERE domain = ?",
                    arguments: [domain.rawValue])
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
                        SELECT u.upn FROM role_assignment r JOIN tenant_user u ON u.id = r.user_id
                        WHERE r.subscription_id = ? ORDER BY u.upn_key
                        """, arguments: [id])
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
            _ = try UserRows.insert(db, user, tenantID: tenant.id, domainID: domainID)
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
            try UserRows.update(db, id: existing.id, user, domainID: domainID)
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
            try UserRows.saveRole(db, userID: user.id, subscriptionID: subscriptionID, role: assignment.role)
        }
    }

    public func recordRecovery(_ record: RecoveryRecord) throws(DirectoryError) {
        try writing("recording the recovery set-up of \(record.tenant)") { db in
            guard
                let id = try Int64.fetchOne(
                    db, sql: "SELECT id FROM tenant WHERE prefix = ?", arguments: [record.tenant.rawValue])
            else { throw DirectoryError.unknownTenant(record.tenant) }
            try StoredRecovery.save(db, record, tenantID: id)
        }
    }
}
