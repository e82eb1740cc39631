import GRDB
import OnboardCore

extension SQLiteDirectory {
    /// Applies many users, each as the core's ``Directory/apply(_:role:password:)`` would; results in
    /// input order.
    ///
    /// First a read, which runs beside other readers: a row whose user is already as asked, or
    /// belongs to another tenant, is settled there (a re-import of unchanged users never waits for the
    /// one writer). Then one write transaction for the rest, with cached prepared statements and each
    /// tenant looked up once. A user named on several rows of one batch is left to the writer, which
    /// applies the rows in order. Every written row is checked before it writes anything (tenant,
    /// domain, name, subscription, default admin), so a refused row is that row's failure, writes
    /// nothing, and the others go through. One difference from the single-row apply, on purpose: a
    /// new user whose role is refused is not created either (a row is all or nothing). Temporary
    /// passwords are made after the commit, on the caller's thread; the store never sees them. When a
    /// transaction itself fails (disk full, the file busy), every row not settled yet gets that error.
    public func apply(users: [UserApplication]) -> [Result<AppliedUser, DirectoryError>] {
        var outcomes = [Result<AppliedUser, DirectoryError>?](repeating: nil, count: users.count)
        var absent = [Bool](repeating: false, count: users.count)
        var occurrences: [UserPrincipalName.Key: Int] = [:]
        for item in users { occurrences[item.user.key, default: 0] += 1 }
        do throws(DirectoryError) {
            try reading("looking up \(users.count) users") { db in
                for (index, item) in users.enumerated() where occurrences[item.user.key] == 1 {
                    switch try Self.settle(item, in: db) {
                    case .settled(let outcome): outcomes[index] = outcome
                    case .absent: absent[index] = true
                    case .needsWriter: break
                    }
                }
            }
            let pending = outcomes.indices.filter { outcomes[$0] == nil }
            if !pending.isEmpty {
                try writing("applying \(pending.count) users") { db in
                    try tenantKeys.withLock { tenants in
                        try tenants.validate(db)
                        for index in pending {
                            do {
                                outcomes[index] = .success(
                                    try Self.apply(
                                        users[index], in: db, tenants: &tenants, wasAbsent: absent[index]))
                            } catch let error as DirectoryError {
                                outcomes[index] = .failure(error)
                            }
                        }
                    }
                }
            }
        } catch {
            for index in outcomes.indices where outcomes[index] == nil { outcomes[index] = .failure(error) }
        }
        return zip(users, outcomes).map { item, outcome in
            outcome!.map { applied in
                guard applied.change == .created else { return applied }
                let password = item.password ?? makePassword(item.user.userPrincipalName)
                return AppliedUser(
                    user: applied.user, change: applied.change, roleChange: applied.roleChange,
                    password: password.secret)
            }
        }
    }

    /// What the read snapshot says of a row.
    private enum Snapshot {
        /// Nothing to write: the user is as asked, or belongs to another tenant.
        case settled(Result<AppliedUser, DirectoryError>)
        /// No user has the name yet: the writer may insert without looking again.
        case absent
        /// The writer decides.
        case needsWriter
    }

    /// What a read snapshot says of a row: settled without a write, or left to the writer.
    ///
    /// SQLite compares the stored values with the row's, so nothing is decoded: a re-import of a million
    /// unchanged users is a million index look-ups. Text is compared byte for byte, stricter than
    /// Swift's `==` (canonical equivalence); a row that differs only so goes to the writer, which
    /// compares in Swift and reports it unchanged.
    private static func settle(_ item: UserApplication, in db: Database) throws -> Snapshot {
        let user = item.user
        guard item.role.user.key == user.key, item.role.tenant == user.tenant else { return .needsWriter }
        let statement = try RawStatement(
            db,
            sql: """
                SELECT t.prefix = ?, u.upn = ? AND u.display_name = ? AND u.first_name IS ? AND u.last_name IS ?
                    AND u.job_title IS ? AND u.department IS ? AND u.usage_location IS ? AND u.sign_in_blocked = ?
                    AND r.role IS ? AND s.uuid IS ?
                FROM tenant_user u JOIN tenant t ON t.id = u.tenant_id
                LEFT JOIN role_assignment r ON r.user_id = u.id LEFT JOIN subscription s ON s.id = r.subscription_id
                WHERE u.upn_key = ?
                """)
        statement.bind([
            .text(user.tenant.rawValue), .text(user.userPrincipalName.rawValue),
            .text(user.displayName.rawValue),
            RawValue(user.firstName), RawValue(user.lastName), RawValue(user.jobTitle),
            RawValue(user.department),
            RawValue(user.usageLocation?.rawValue), RawValue(user.isSignInBlocked),
            .text(item.role.role.rawValue),
            .text(item.role.subscription.rawValue), .text(user.key.rawValue),
        ])
        guard try statement.step() else { return .absent }
        defer { statement.reset() }
        if statement.integer(0) == 0 { return .settled(.failure(.upnTaken(user.userPrincipalName))) }
        guard statement.integer(1) == 1 else { return .needsWriter }
        return .settled(
            .success(AppliedUser(user: user, change: .unchanged, roleChange: .unchanged, password: nil)))
    }

    /// Applies one row inside the batch's transaction; throws a `DirectoryError` for a refused row
    /// (having written nothing) and any other error for a store failure. The result of a created user
    /// carries no password yet. `wasAbsent`: the read snapshot found no such user, so the insert is
    /// tried without looking again (its UNIQUE key still catches a user made since).
    private static func apply(
        _ item: UserApplication, in db: Database, tenants: inout TenantKeyCache, wasAbsent: Bool
    ) throws -> AppliedUser {
        let user = item.user
        let role = item.role
        guard role.user.key == user.key, role.tenant == user.tenant else {
            throw DirectoryError.permanent(
                reason:
                    "the role assignment for \(role.user) was applied with the user \(user.userPrincipalName)."
            )
        }
        let name = user.userPrincipalName
        guard let existing = wasAbsent ? nil : try StoredUser.fetch(db, key: user.key) else {
            guard let tenant = try tenants.tenant(user.tenant, in: db) else {
                throw DirectoryError.unknownTenant(user.tenant)
            }
            guard let domainID = tenant.domainIDs[name.domain] else {
                throw DirectoryError.upnDomainNotInTenant(name, tenant: user.tenant)
            }
            let subscriptionID = try StoreConflicts.check(role, for: user, in: tenant)
            let id: Int64
            do {
                id = try UserRows.insert(db, user, tenantID: tenant.id, domainID: domainID)
            } catch let error as DirectoryError where wasAbsent && error == .upnTaken(name) {
                return try apply(item, in: db, tenants: &tenants, wasAbsent: false)
            }
            try UserRows.saveRole(
                db, userID: id, subscriptionID: subscriptionID, role: role.role, isNew: true)
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
