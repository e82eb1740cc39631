import GRDB
import OnboardCore

/// A user as the store holds it, with its role: the core's values plus the row ids they refer to.
struct StoredUser {
    let id: Int64
    let tenantID: Int64
    let user: TenantUser
    let role: RoleAssignment?
    /// The row ids of the user's domain and of its role's subscription (`nil`: no role).
    let domainID: Int64
    let subscriptionID: Int64?

    /// The columns `init(row:)` reads, in order.
    static let selection = """
        SELECT u.id, u.tenant_id, t.prefix, u.upn, u.upn_key, u.display_name, u.first_name, u.last_name,
            u.job_title, u.department, u.usage_location, u.sign_in_blocked, u.is_default_admin, u.role, s.uuid,
            u.domain_id, u.subscription_id
        FROM tenant_user u JOIN tenant t ON t.id = u.tenant_id LEFT JOIN subscription s ON s.id = u.subscription_id
        """

    /// The user with this key, in whichever tenant.
    static func fetch(_ db: Database, key: UserPrincipalName.Key) throws -> StoredUser? {
        let statement = try RawStatement(db, sql: selection + " WHERE u.upn_key = ?")
        statement.bind([.text(StoredUserKey.column(for: key.rawValue))])
        guard try statement.step() else { return nil }
        defer { statement.reset() }
        return StoredUser(statement)
    }

    /// The users of one tenant, ordered by key.
    static func fetchAll(_ db: Database, tenantID: Int64) throws -> [StoredUser] {
        let statement = try RawStatement(db, sql: selection + " WHERE u.tenant_id = ?")
        statement.bind([.integer(tenantID)])
        defer { statement.reset() }
        var users: [StoredUser] = []
        while try statement.step() { users.append(StoredUser(statement)) }
        // By the core's key, not the column (domain first): a tenant of several domains lists as before.
        return users.sorted { $0.user.key < $1.user.key }
    }

    /// The users without a row in the credential ledger (their password not recorded as delivered),
    /// ordered by tenant and key.
    static func fetchUndelivered(_ db: Database) throws -> [StoredUser] {
        let statement = try RawStatement(
            db,
            sql: selection + """
                 LEFT JOIN credential_delivery c ON c.user_id = u.id WHERE c.user_id IS NULL
                """)
        statement.bind([])
        defer { statement.reset() }
        var users: [StoredUser] = []
        while try statement.step() { users.append(StoredUser(statement)) }
        return users.sorted { ($0.user.tenant.rawValue, $0.user.key) < ($1.user.tenant.rawValue, $1.user.key) }
    }

    /// Rebuilds the user without checking again: the core checked every value before it was stored,
    /// and a re-import reads a million of them (see `Directory+Restoring.swift` in the core).
    private init(_ row: RawStatement) {
        id = row.integer(0)
        tenantID = row.integer(1)
        domainID = row.integer(15)
        subscriptionID = row.isNull(16) ? nil : row.integer(16)
        let tenant = DomainPrefix(restoring: row.text(2) ?? "")
        let name = UserPrincipalName(
            restoring: row.text(3) ?? "", key: StoredUserKey.key(fromColumn: row.text(4) ?? ""))
        user = TenantUser(
            restoring: tenant, userPrincipalName: name,
            displayName: DisplayName(restoring: row.text(5) ?? ""),
            firstName: row.text(6), lastName: row.text(7), jobTitle: row.text(8), department: row.text(9),
            usageLocation: row.text(10).map(CountryCode.init(restoring:)),
            isSignInBlocked: row.integer(11) != 0, isDefaultAdmin: row.integer(12) != 0)
        if let role = row.text(13).flatMap(Role.init(rawValue:)), let subscription = row.text(14) {
            self.role = RoleAssignment(restoring: tenant, user: name, role: role, subscription: subscription)
        } else {
            self.role = nil
        }
    }
}
