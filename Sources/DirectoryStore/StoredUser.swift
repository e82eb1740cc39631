import GRDB
import OnboardCore

/// A user as the store holds it, with its role: the core's values plus the row ids they refer to.
struct StoredUser {
    let id: Int64
    let tenantID: Int64
    let user: TenantUser
    let role: RoleAssignment?

    /// The columns `init(row:)` reads, in order.
    static let selection = """
        SELECT u.id, u.tenant_id, t.prefix, u.upn, u.upn_key, u.display_name, u.first_name, u.last_name,
            u.job_title, u.department, u.usage_location, u.sign_in_blocked, u.is_default_admin, r.role, s.uuid
        FROM tenant_user u JOIN tenant t ON t.id = u.tenant_id
        LEFT JOIN role_assignment r ON r.user_id = u.id LEFT JOIN subscription s ON s.id = r.subscription_id
        """

    /// The user with this key, in whichever tenant.
    static func fetch(_ db: Database, key: UserPrincipalName.Key) throws -> StoredUser? {
        let statement = try db.cachedStatement(sql: selection + " WHERE u.upn_key = ?")
        return try Row.fetchOne(statement, arguments: [key.rawValue]).map(StoredUser.init(row:))
    }

    /// The users of one tenant, ordered by key.
    static func fetchAll(_ db: Database, tenantID: Int64) throws -> [StoredUser] {
        let statement = try db.cachedStatement(sql: selection + " WHERE u.tenant_id = ? ORDER BY u.upn_key")
        return try Row.fetchAll(statement, arguments: [tenantID]).map(StoredUser.init(row:))
    }

    /// Rebuilds the user without checking again: the core checked every value before it was stored,
    /// and a re-import reads a million of them (see `Directory+Restoring.swift` in the core).
    init(row: Row) {
        id = row[0]
        tenantID = row[1]
        let tenant = DomainPrefix(restoring: row[2])
        let name = UserPrincipalName(restoring: row[3], key: row[4])
        user = TenantUser(
            restoring: tenant, userPrincipalName: name, displayName: DisplayName(restoring: row[5]),
            firstName: row[6], lastName: row[7], jobTitle: row[8], department: row[9],
            usageLocation: (row[10] as String?).map(CountryCode.init(restoring:)),
            isSignInBlocked: row[11], isDefaultAdmin: row[12])
        if let role = (row[13] as String?).flatMap(Role.init(rawValue:)), let subscription: String = row[14] {
            self.role = RoleAssignment(restoring: tenant, user: name, role: role, subscription: subscription)
        } else {
            self.role = nil
        }
    }
}
