import GRDB
import OnboardCore

extension SQLiteDirectory {
    /// Applies many users in one write transaction, each as the core's ``Directory/apply(_:role:password:)``
    /// would; results in input order.
    ///
    /// Fast because it commits once per batch, runs cached prepared statements, and looks each tenant
    /// up once per batch. Every row is checked before it writes anything (tenant, domain, name,
    /// subscription, default admin), so a refused row is that row's failure and writes nothing, and the
    /// others go through. One difference from the single-row apply, on purpose: a new user whose role
    /// is refused is not created either (the row is all or nothing). Temporary passwords are made after
    /// the commit, on the caller's thread, outside the one writer; the store never sees them.
    /// When the transaction itself fails (disk full, the file busy), every row gets that error.
    public func apply(users: [UserApplication]) -> [Result<AppliedUser, DirectoryError>] {
        if users.isEmpty { return [] }
        let outcomes: [Result<AppliedUser, DirectoryError>]
        do throws(DirectoryError) {
            outcomes = try writing("applying \(users.count) users") { db in
                var tenants = TenantCache()
                return try users.map { item in
                    do {
                        return .success(try Self.apply(item, in: db, tenants: &tenants))
                    } catch let error as DirectoryError {
                        return .failure(error)
                    }
                }
            }
        } catch {
            return users.map { _ in .failure(error) }
        }
        return zip(users, outcomes).map { item, outcome in
            outcome.map { applied in
                guard applied.change == .created else { return applied }
                let password = item.password ?? makePassword(item.user.userPrincipalName)
                return AppliedUser(
                    user: applied.user, change: applied.change, roleChange: applied.roleChange,
                    password: password.secret)
            }
        }
    }

    /// The tenants looked up in one batch, by prefix (`nil`: no such tenant). Valid for one write
    /// transaction only: no other writer can change them meanwhile.
    private struct TenantCache {
        var tenants: [DomainPrefix: StoredTenant?] = [:]

        mutating func tenant(_ prefix: DomainPrefix, in db: Database) throws -> StoredTenant? {
            if let known = tenants[prefix] { return known }
            let stored = try StoredTenant.fetch(db, prefix: prefix)
            tenants[prefix] = stored
            return stored
        }
    }

    /// Applies one row inside the batch's transaction; throws a `DirectoryError` for a refused row
    /// (having written nothing) and any other error for a store failure. The result of a created user
    /// carries no password yet.
    private static func apply(_ item: UserApplication, in db: Database, tenants: inout TenantCache) throws
        -> AppliedUser
    {
        let user = item.user
        let role = item.role
        guard role.user.key == user.key, role.tenant == user.tenant else {
            throw DirectoryError.permanent(
                reason:
                    "the role assignment for \(role.user) was applied with the user \(user.userPrincipalName)."
            )
        }
        let name = user.userPrincipalName
        guard let existing = try StoredUser.fetch(db, key: user.key) else {
            guard let tenant = try tenants.tenant(user.tenant, in: db) else {
                throw DirectoryError.unknownTenant(user.tenant)
            }
            guard let domainID = tenant.domainIDs[name.domain] else {
                throw DirectoryError.upnDomainNotInTenant(name, tenant: user.tenant)
            }
            let subscriptionID = try StoreConflicts.check(role, for: user, in: tenant)
            let id = try UserRows.insert(db, user, tenantID: tenant.id, domainID: domainID)
            try UserRows.saveRole(db, userID: id, subscriptionID: subscriptionID, role: role.role)
            return AppliedUser(user: user, change: .created, roleChange: .created, password: nil)
        }
        if existing.user.tenant != user.tenant { throw DirectoryError.upnTaken(name) }
        let change = user.change(from: existing.user)
        let roleChange = role.change(from: existing.role)
        if change == .unchanged, roleChange == .unchanged {
            return AppliedUser(user: user, change: .unchanged, roleChange: .unchanged, password: nil)
        }
        guard let tenant = try tenants.tenant(user.tenant, in: db) else {
            throw DirectoryError.unknownTenant(user.tenant)
        }
        var domainID: Int64?
        if case .updated = change {
            guard existing.user.isDefaultAdmin == user.isDefaultAdmin else {
                throw DirectoryError.unknownUser(name)
            }
            guard let id = tenant.domainIDs[name.domain] else {
                throw DirectoryError.upnDomainNotInTenant(name, tenant: user.tenant)
            }
            domainID = id
        }
        var subscriptionID: Int64?
        if roleChange != .unchanged {
            subscriptionID = try StoreConflicts.check(role, for: existing.user, in: tenant)
        }
        if let domainID { try UserRows.update(db, id: existing.id, user, domainID: domainID) }
        if let subscriptionID {
            try UserRows.saveRole(db, userID: existing.id, subscriptionID: subscriptionID, role: role.role)
        }
        return AppliedUser(user: user, change: change, roleChange: roleChange, password: nil)
    }
}
