extension Directory {
    /// Applies many users, each as ``apply(_:role:password:)`` would, one after the other.
    ///
    /// The default for directories without a faster way: results are in input order, and one row's
    /// failure does not stop the others. The SQLite store overrides it with one transaction per batch.
    public func apply(users: [UserApplication]) -> [Result<AppliedUser, DirectoryError>] {
        applyOneByOne(users: users)
    }

    /// Applies many tenants, each as ``apply(_:)`` would, one after the other: the default for
    /// directories without a faster way (results in input order; one failure does not stop the others).
    public func apply(tenants: [CustomerTenant]) -> [Result<AppliedTenant, DirectoryError>] {
        applyOneByOne(tenants: tenants)
    }

    /// Records each tenant's set-up step by step (``recordRecoverySteps(of:)``), one tenant after the
    /// other: the default for directories that take one call per step.
    public func recordRecoverySteps(_ records: [RecoveryRecord]) -> [Result<Void, DirectoryError>] {
        recordRecoveryStepsOneByOne(records)
    }

    // The batch defaults' bodies, by name: a directory that overrides a batch call (one that wraps
    // another) can still fall back on them, which it could not do by calling the default itself.

    /// Each user applied with ``apply(_:role:password:)``, in input order.
    public func applyOneByOne(users: [UserApplication]) -> [Result<AppliedUser, DirectoryError>] {
        users.map { item in
            Result { () throws(DirectoryError) in
                try apply(item.user, role: item.role, password: item.password)
            }
        }
    }

    /// Each tenant applied with ``apply(_:)``, in input order.
    public func applyOneByOne(tenants: [CustomerTenant]) -> [Result<AppliedTenant, DirectoryError>] {
        tenants.map { tenant in Result { () throws(DirectoryError) in try apply(tenant) } }
    }

    /// Each set-up recorded with ``recordRecoverySteps(of:)``, in input order.
    public func recordRecoveryStepsOneByOne(_ records: [RecoveryRecord]) -> [Result<Void, DirectoryError>] {
        records.map { record in Result { () throws(DirectoryError) in try recordRecoverySteps(of: record) } }
    }

    /// Records `record`'s completed steps one ``recordRecovery(_:)`` call each, in the domain's order:
    /// the record with its first step, then with its first two, and so on up to `record` itself, so a
    /// set-up interrupted half-way is recorded as far as it got.
    public func recordRecoverySteps(of record: RecoveryRecord) throws(DirectoryError) {
        guard !record.completedSteps.isEmpty else { return try recordRecovery(record) }
        for count in 1...record.completedSteps.count { try recordRecovery(record.withFirstSteps(count)) }
    }

    /// Counts tenants and users by listing them; stores override it with a count query.
    public func statistics() throws(DirectoryError) -> DirectoryStatistics {
        let tenants = try tenants()
        var users = 0
        for tenant in tenants { users += try self.users(of: tenant.prefix).count }
        return DirectoryStatistics(tenants: tenants.count, users: users)
    }
}
