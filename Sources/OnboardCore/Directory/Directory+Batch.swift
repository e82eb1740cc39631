extension Directory {
    /// Applies many users, each as ``apply(_:role:password:)`` would, one after the other.
    ///
    /// The default for directories without a faster way: results are in input order, and one row's
    /// failure does not stop the others. The SQLite store overrides it with one transaction per batch.
    public func apply(users: [UserApplication]) -> [Result<AppliedUser, DirectoryError>] {
        users.map { item in
            Result { () throws(DirectoryError) in
                try apply(item.user, role: item.role, password: item.password)
            }
        }
    }

    /// Counts tenants and users by listing them; stores override it with a count query.
    public func statistics() throws(DirectoryError) -> DirectoryStatistics {
        let tenants = try tenants()
        var users = 0
        for tenant in tenants { users += try self.users(of: tenant.prefix).count }
        return DirectoryStatistics(tenants: tenants.count, users: users)
    }
}
