import GRDB
import OnboardCore

extension SQLiteDirectory: CredentialLedger {
    public func undeliveredAccounts() throws(DirectoryError) -> [TenantUser] {
        try reading("listing accounts whose password was not delivered") { db in
            try StoredUser.fetchUndelivered(db).map(\.user)
        }
    }

    public func recordDelivered(_ deliveries: [PasswordDelivery]) throws(DirectoryError) {
        guard !deliveries.isEmpty else { return }
        // Digests first, outside the one writer's transaction: they cost more than the inserts. The
        // salts come from the system's secure bytes fetched in bulk, not a system call per salt.
        var random = SecureRandom()
        let digests = deliveries.map {
            (key: $0.user.rawValue, digest: PasswordDigest(of: $0.password.revealed, using: &random))
        }
        try writing("recording \(deliveries.count) delivered passwords") { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO credential_delivery (user_id, digest)
                    SELECT id, ? FROM tenant_user WHERE upn_key = ?
                    ON CONFLICT (user_id) DO UPDATE SET digest = excluded.digest
                    """)
            for item in digests {
                try statement.execute(arguments: [item.digest.encoded, item.key])
            }
        }
    }

    /// The recorded password digest of each account, by user name key (`nil`: delivered before
    /// digests were kept); accounts without a delivery are absent. For checks and tests.
    public func deliveredDigests() throws(DirectoryError) -> [String: PasswordDigest?] {
        try reading("listing delivered passwords") { db in
            var result: [String: PasswordDigest?] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT u.upn_key, c.digest FROM credential_delivery c JOIN tenant_user u ON u.id = c.user_id
                    """)
            for row in rows {
                let digest: String? = row[1]
                result[row[0]] = digest.flatMap(PasswordDigest.init(encoded:))
            }
            return result
        }
    }
}
