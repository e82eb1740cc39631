import GRDB
import OnboardCore

extension SQLiteDirectory {
    /// Applies many users, each as the core's ``Directory/apply(_:role:password:)`` would; results in
    /// input order.
    ///
    /// First a read, which runs beside other readers: a row whose stored fingerprint equals its own
    /// (see ``UserRowImage``) is unchanged and settled there, so a re-import of unchanged users is one
    /// index look-up per row and never waits for the one writer. Then one write transaction for the
    /// rest, with statements prepared once and each tenant looked up once. After a batch that met no
    /// stored user (a first import), the next batch skips the read phase: its inserts find a stored
    /// user through the UNIQUE key and compare it in full then, so the outcomes are the same. A user named on several rows
    /// of one batch is left to the writer, which applies the rows in order. Every written row is checked
    /// before it writes anything (tenant, domain, name, subscription, default admin), so a refused row
    /// is that row's failure, writes nothing, and the others go through. One difference from the
    /// single-row apply, on purpose: a new user whose role is refused is not created either (a row is
    /// all or nothing). Temporary passwords are made after the commit, on the caller's thread; the
    /// store never sees them. When a transaction itself fails (disk full, the file busy), every row not
    /// settled yet gets that error.
    public func apply(users: [UserApplication]) -> [Result<AppliedUser, DirectoryError>] {
        var outcomes = [Result<AppliedUser, DirectoryError>?](repeating: nil, count: users.count)
        var absent = [Bool](repeating: false, count: users.count)
        var seen = Set<UserPrincipalName.Key>(minimumCapacity: users.count)
        var repeated = Set<UserPrincipalName.Key>()
        for item in users where !seen.insert(item.user.key).inserted { repeated.insert(item.user.key) }
        var row = UserRowImage()
        // Rows the read phase may settle: named once in the batch, with a role for the same user.
        let lookedUp = users.indices.filter { index in
            (repeated.isEmpty || !repeated.contains(users[index].user.key))
                && users[index].role.user.key == users[index].user.key
                && users[index].role.tenant == users[index].user.tenant
        }
        // Whether a stored user was met: when the last batch met none (a first import), this one skips
        // the read phase and lets each insert find out through the UNIQUE key instead.
        var metStoredUser = false
        let skipsLookUp = expectsOnlyNewUsers.load(ordering: .relaxed)
        do throws(DirectoryError) {
            if skipsLookUp {
                for index in lookedUp { absent[index] = true }
            } else {
                try reading("looking up \(users.count) users") { db in
                    let lookup = try RawStatement(
                        db, sql: "SELECT fingerprint FROM tenant_user WHERE upn_key = ?")
                    defer { lookup.reset() }
                    for index in lookedUp {
                        switch try Self.fingerprintMatch(of: users[index], in: lookup, image: &row) {
                        case .absent: absent[index] = true
                        case .same:
                            metStoredUser = true
                            outcomes[index] = .success(
                                AppliedUser(
                                    user: users[index].user, change: .unchanged, roleChange: .unchanged,
                                    password: nil))
                        case .different: metStoredUser = true
                        }
                    }
                }
            }
            let pending = outcomes.indices.filter { outcomes[$0] == nil }
            if !pending.isEmpty {
                try writing("applying \(pending.count) users") { db in
                    try tenantKeys.withLock { tenants in
                        try tenants.validate(db)
                        let rows = try UserRows(db)
                        for index in pending {
                            do {
                                outcomes[index] = .success(
                                    try Self.apply(
                                        users[index], in: db, rows: rows, row: &row, tenants: &tenants,
                                        wasAbsent: absent[index], metStoredUser: &metStoredUser))
                            } catch let error as DirectoryError {
                                outcomes[index] = .failure(error)
                            }
                        }
                    }
                }
            }
            expectsOnlyNewUsers.store(!metStoredUser, ordering: .relaxed)
        } catch {
            for index in outcomes.indices where outcomes[index] == nil { outcomes[index] = .failure(error) }
        }
        var results: [Result<AppliedUser, DirectoryError>] = []
        results.reserveCapacity(users.count)
        for (index, outcome) in outcomes.enumerated() {
            results.append(
                outcome!.map { applied in
                    guard applied.change == .created else { return applied }
                    let password = users[index].password ?? makePassword(users[index].user.userPrincipalName)
                    return AppliedUser(
                        user: applied.user, change: applied.change, roleChange: applied.roleChange,
                        password: password.secret)
                })
        }
        return results
    }

    /// Applies one row inside the batch's transaction; throws a `DirectoryError` for a refused row
    /// (having written nothing) and any other error for a store failure. The result of a created user
    /// carries no password yet. `wasAbsent`: the read snapshot found no such user, so the insert is
    /// tried without looking again (its UNIQUE key still catches a user made since).
    private static func apply(
        _ item: UserApplication, in db: Database, rows: UserRows, row: inout UserRowImage,
        tenants: inout TenantKeyCache, wasAbsent: Bool, metStoredUser: inout Bool
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
        let existing = wasAbsent ? nil : try StoredUser.fetch(db, key: user.key)
        if existing != nil { metStoredUser = true }
        guard let existing else {
            guard let tenant = try tenants.tenant(user.tenant, in: db) else {
                throw DirectoryError.unknownTenant(user.tenant)
            }
            guard let domainID = tenant.domainIDs[name.domain] else {
                throw DirectoryError.upnDomainNotInTenant(name, tenant: user.tenant)
            }
            let subscriptionID = try StoreConflicts.check(role, for: user, in: tenant)
            row.load(user, role: role)
            do {
                _ = try rows.insert(
                    row, name: name, tenantID: tenant.id, domainID: domainID, subscriptionID: subscriptionID)
            } catch let error as DirectoryError where wasAbsent && error == .upnTaken(name) {
                metStoredUser = true
                return try apply(
                    item, in: db, rows: rows, row: &row, tenants: &tenants, wasAbsent: false,
                    metStoredUser: &metStoredUser)
            }
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
        var domainID = existing.domainID
        if case .updated = change {
            guard existing.user.isDefaultAdmin == user.isDefaultAdmin else {
                throw DirectoryError.unknownUser(name)
            }
            guard let id = tenant.domainIDs[name.domain] else {
                throw DirectoryError.upnDomainNotInTenant(name, tenant: user.tenant)
            }
            domainID = id
        }
        var subscriptionID = existing.subscriptionID
        if roleChange != .unchanged {
            subscriptionID = try StoreConflicts.check(role, for: existing.user, in: tenant)
        }
        // The values written: the user as asked when it changed (else as stored, spelling included),
        // the role as asked when it changed.
        row.load(
            change == .unchanged ? existing.user : user,
            role: roleChange == .unchanged ? existing.role : role)
        try rows.update(id: existing.id, row, domainID: domainID, subscriptionID: subscriptionID)
        return AppliedUser(user: user, change: change, roleChange: roleChange, password: nil)
    }
}
