import GRDB
import OnboardCore

extension SQLiteDirectory {
    /// Applies many tenants, each as the core's ``Directory/apply(_:)`` would; results in input order.
    ///
    /// First a read, beside other readers: a tenant stored with the same attributes is unchanged and
    /// settled there, so a re-import writes nothing. Then one write transaction for the rest, each
    /// tenant in a savepoint of its own: a refused tenant (a domain of another tenant) writes nothing,
    /// and the others go through. A tenant the read did not find is inserted without looking again;
    /// when another process made it since, its UNIQUE prefix says so and it is compared (and updated)
    /// as the core does. The admins' temporary passwords are made after the commit. When the
    /// transaction itself fails (disk full, the file busy), every tenant not settled gets that error.
    public func apply(tenants: [CustomerTenant]) -> [Result<AppliedTenant, DirectoryError>] {
        var outcomes = [Result<AppliedTenant, DirectoryError>?](repeating: nil, count: tenants.count)
        do throws(DirectoryError) {
            let stored = try reading("looking up \(tenants.count) tenants") { db in
                try tenants.map { try StoredTenant.fetch(db, prefix: $0.prefix)?.tenant }
            }
            var pending: [Int] = []
            for (index, tenant) in tenants.enumerated() {
                if let existing = stored[index], tenant.change(from: existing) == .unchanged {
                    outcomes[index] = .success(
                        AppliedTenant(tenant: tenant, change: .unchanged, adminPassword: nil))
                } else {
                    pending.append(index)
                }
            }
            if !pending.isEmpty {
                let changes = try writing("applying \(pending.count) tenants") { db in
                    tenantKeys.withLock { $0.removeAll() }
                    return try pending.map { index in
                        try Self.apply(tenants[index], in: db, wasAbsent: stored[index] == nil)
                    }
                }
                for (index, change) in zip(pending, changes) {
                    let tenant = tenants[index]
                    outcomes[index] = change.map { change in
                        let password =
                            change == .created
                            ? makePassword(tenant.defaultAdmin.userPrincipalName).secret : nil
                        return AppliedTenant(tenant: tenant, change: change, adminPassword: password)
                    }
                }
            }
        } catch {
            for index in outcomes.indices where outcomes[index] == nil { outcomes[index] = .failure(error) }
        }
        return outcomes.map { $0! }
    }

    /// Applies one tenant inside the batch's transaction, in a savepoint: a refused tenant is its
    /// failure and leaves nothing written; any other error is a store failure, thrown.
    private static func apply(_ tenant: CustomerTenant, in db: Database, wasAbsent: Bool) throws
        -> Result<Change<TenantAttribute>, DirectoryError>
    {
        var change = Change<TenantAttribute>.created
        do {
            try db.inSavepoint {
                if wasAbsent {
                    do {
                        try insert(tenant, in: db)
                        return .commit
                    } catch let error as DirectoryError where error == .prefixTaken(tenant.prefix) {
                        // Made by another process since the read (its first statement failed, nothing
                        // written): compare with what is stored.
                    }
                }
                guard let existing = try StoredTenant.fetch(db, prefix: tenant.prefix) else {
                    try insert(tenant, in: db)
                    return .commit
                }
                change = tenant.change(from: existing.tenant)
                if case .updated = change { try update(tenant, in: db) }
                return .commit
            }
        } catch let error as DirectoryError {
            return .failure(error)
        }
        return .success(change)
    }
}
