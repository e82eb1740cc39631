import GRDB
import OnboardCore

/// The store's writes of users and role assignments, through cached prepared statements: the batch
/// import runs them a million times.
enum UserRows {
    /// Inserts `user` and returns its row id. A UNIQUE violation of its key becomes `upnTaken`.
    static func insert(_ db: Database, _ user: TenantUser, tenantID: Int64, domainID: Int64) throws -> Int64 {
        let statement = try RawStatement(
            db,
            sql: """
                INSERT INTO tenant_user (tenant_id, domain_id, upn_key, upn, display_name, first_name, last_name,
                    job_title, department, usage_location, sign_in_blocked, is_default_admin)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        statement.bind([
            .integer(tenantID), .integer(domainID), .text(user.key.rawValue),
            .text(user.userPrincipalName.rawValue),
            .text(user.displayName.rawValue), RawValue(user.firstName), RawValue(user.lastName),
            RawValue(user.jobTitle), RawValue(user.department), RawValue(user.usageLocation?.rawValue),
            RawValue(user.isSignInBlocked), RawValue(user.isDefaultAdmin),
        ])
        try mappingUniqueViolation(on: "tenant_user.upn_key", to: .upnTaken(user.userPrincipalName)) {
            try statement.execute()
        }
        return db.lastInsertedRowID
    }

    /// Replaces the attributes of the user with row id `id` (its tenant and default-admin flag stay).
    static func update(_ db: Database, id: Int64, _ user: TenantUser, domainID: Int64) throws {
        let statement = try RawStatement(
            db,
            sql: """
                UPDATE tenant_user SET domain_id = ?, upn = ?, display_name = ?, first_name = ?, last_name = ?,
                    job_title = ?, department = ?, usage_location = ?, sign_in_blocked = ?
                WHERE id = ?
                """)
        statement.bind([
            .integer(domainID), .text(user.userPrincipalName.rawValue), .text(user.displayName.rawValue),
            RawValue(user.firstName), RawValue(user.lastName), RawValue(user.jobTitle),
            RawValue(user.department),
            RawValue(user.usageLocation?.rawValue), RawValue(user.isSignInBlocked), .integer(id),
        ])
        try statement.execute()
    }

    /// Gives the user with row id `userID` the role `role` on the subscription `subscriptionID`,
    /// replacing an earlier one (`isNew`: the user has none yet, the plain insert is cheaper).
    static func saveRole(
        _ db: Database, userID: Int64, subscriptionID: Int64, role: Role, isNew: Bool = false
    )
        throws
    {
        let statement = try RawStatement(
            db,
            sql: isNew
                ? "INSERT INTO role_assignment (user_id, subscription_id, role) VALUES (?, ?, ?)"
                : """
                INSERT INTO role_assignment (user_id, subscription_id, role) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET subscription_id = excluded.subscription_id, role = excluded.role
                """)
        statement.bind([.integer(userID), .integer(subscriptionID), .text(role.rawValue)])
        try statement.execute()
    }
}
