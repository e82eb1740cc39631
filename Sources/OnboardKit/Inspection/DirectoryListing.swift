import DirectoryStore
import OnboardCore

/// What `onboard tenants` and `onboard users` show of a directory: names, modes, roles and counts,
/// never a secret (the store holds none, and these rows have no field for one).
public enum DirectoryListing {
    /// One tenant as listed.
    public struct TenantRow: Sendable, Hashable {
        public var prefix: String
        public var company: String
        public var country: String
        /// `managed` or `self-service`.
        public var disasterRecoveryMode: String
        /// Its users, the default admin included.
        public var users: Int
    }

    /// One user as listed.
    public struct UserRow: Sendable, Hashable {
        public var tenant: String
        public var userPrincipalName: String
        public var displayName: String
        /// The access level on the tenant's subscription; empty when none is assigned.
        public var role: String
        public var isSignInBlocked: Bool
        public var isDefaultAdmin: Bool
    }

    /// The tenants, ordered by prefix, with their user counts.
    public static func tenants(in directory: any Directory) throws(DirectoryError) -> [TenantRow] {
        let tenants = try directory.tenants()
        // The SQLite store counts in one query; another directory lists each tenant's users.
        let counts = try (directory as? SQLiteDirectory)?.userCountsByTenant()
        var rows: [TenantRow] = []
        rows.reserveCapacity(tenants.count)
        for tenant in tenants {
            let users: Int
            if let counts {
                users = counts[tenant.prefix.rawValue] ?? 0
            } else {
                users = try directory.users(of: tenant.prefix).count
            }
            rows.append(
                TenantRow(
                    prefix: tenant.prefix.rawValue, company: tenant.company.rawValue,
                    country: tenant.country.rawValue,
                    disasterRecoveryMode: tenant.disasterRecoveryMode.rawValue,
                    users: users))
        }
        return rows
    }

    /// The users of the tenant with this prefix (the default admin first, then by name).
    ///
    /// - Throws: `DirectoryError.unknownTenant` when no tenant has the prefix.
    public static func users(of prefix: DomainPrefix, in directory: any Directory) throws(DirectoryError)
        -> [UserRow]
    {
        guard try directory.tenant(prefix: prefix) != nil else { throw .unknownTenant(prefix) }
        var rows: [UserRow] = []
        for user in try directory.users(of: prefix) {
            let role = try directory.roleAssignment(of: user.key)?.role.rawValue ?? ""
            rows.append(
                UserRow(
                    tenant: user.tenant.rawValue, userPrincipalName: user.userPrincipalName.description,
                    displayName: user.displayName.rawValue, role: role, isSignInBlocked: user.isSignInBlocked,
                    isDefaultAdmin: user.isDefaultAdmin))
        }
        return rows.filter(\.isDefaultAdmin) + rows.filter { !$0.isDefaultAdmin }
    }
}
