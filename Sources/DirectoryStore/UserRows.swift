import GRDB
import OnboardCore

/// The store's writes of users and their role assignments (both in the user's row), through
/// statements prepared once per transaction: the batch import runs them a million times.
///
/// Every write stores the row's fingerprint with its values (see ``UserRowImage``), so the
/// fingerprint is never stale for a row this store wrote.
struct UserRows {
    private let db: Database
    private let insertStatement: RawStatement
    private let updateStatement: RawStatement

    init(_ db: Database) throws {
        self.db = db
        insertStatement = try RawStatement(
            db,
            sql: """
                INSERT INTO tenant_user (tenant_id, domain_id, upn_key, upn, display_name, first_name, last_name,
                    job_title, department, usage_location, sign_in_blocked, is_default_admin, role,
                    subscription_id, fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        updateStatement = try RawStatement(
            db,
            sql: """
                UPDATE tenant_user SET domain_id = ?, upn = ?, display_name = ?, first_name = ?, last_name = ?,
                    job_title = ?, department = ?, usage_location = ?, sign_in_blocked = ?, role = ?,
                    subscription_id = ?, fingerprint = ?
                WHERE id = ?
                """)
    }

    /// Inserts the user `row` holds, with its role on `subscriptionID` (`nil`: no role), and returns its
    /// row id. A UNIQUE violation of its key becomes `upnTaken`.
    func insert(
        _ row: UserRowImage, name: UserPrincipalName, tenantID: Int64, domainID: Int64, subscriptionID: Int64?
    )
        throws -> Int64
    {
        let statement = insertStatement
        try row.withBytes { row in
            defer { statement.clearBindings() }
            statement.reset()
            statement.bindInteger(1, tenantID)
            statement.bindInteger(2, domainID)
            row.bind(.storedKey, to: statement, at: 3)
            row.bind(.upn, to: statement, at: 4)
            row.bind(.displayName, to: statement, at: 5)
            row.bind(.firstName, to: statement, at: 6)
            row.bind(.lastName, to: statement, at: 7)
            row.bind(.jobTitle, to: statement, at: 8)
            row.bind(.department, to: statement, at: 9)
            row.bind(.usageLocation, to: statement, at: 10)
            statement.bindInteger(11, row.image.isSignInBlocked ? 1 : 0)
            statement.bindInteger(12, row.image.isDefaultAdmin ? 1 : 0)
            row.bind(.role, to: statement, at: 13)
            statement.bindInteger(14, subscriptionID)
            row.bindFingerprint(to: statement, at: 15)
            try mappingUniqueViolation(on: "tenant_user.upn_key", to: .upnTaken(name)) {
                try statement.execute()
            }
        }
        return db.lastInsertedRowID
    }

    /// Replaces the attributes and the role of the user with row id `id` (its tenant, key and
    /// default-admin flag stay) with what `row` holds.
    func update(id: Int64, _ row: UserRowImage, domainID: Int64, subscriptionID: Int64?) throws {
        let statement = updateStatement
        try row.withBytes { row in
            defer { statement.clearBindings() }
            statement.reset()
            statement.bindInteger(1, domainID)
            row.bind(.upn, to: statement, at: 2)
            row.bind(.displayName, to: statement, at: 3)
            row.bind(.firstName, to: statement, at: 4)
            row.bind(.lastName, to: statement, at: 5)
            row.bind(.jobTitle, to: statement, at: 6)
            row.bind(.department, to: statement, at: 7)
            row.bind(.usageLocation, to: statement, at: 8)
            statement.bindInteger(9, row.image.isSignInBlocked ? 1 : 0)
            row.bind(.role, to: statement, at: 10)
            statement.bindInteger(11, subscriptionID)
            row.bindFingerprint(to: statement, at: 12)
            statement.bindInteger(13, id)
            try statement.execute()
        }
    }
}
