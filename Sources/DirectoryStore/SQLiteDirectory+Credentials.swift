import Foundation
import GRDB
import OnboardCore

extension SQLiteDirectory: CredentialLedger {
    public func undeliveredAccounts() throws(DirectoryError) -> [TenantUser] {
        try writeQueuedDeliveries()
        return try reading("listing accounts whose password was not delivered") { db in
            try StoredUser.fetchUndelivered(db).map(\.user)
        }
    }

    /// Queues the records for the next write transaction (``writing(_:_:)``), which is usually soon:
    /// the next batch of users, the next tenants' set-ups. A transaction of their own after every
    /// delivery cost as much as the users' inserts. Safe: a record lost in a crash only means the next
    /// run resets that password (``CredentialLedger``). ``writeQueuedDeliveries()`` writes what is left
    /// at the end of a run.
    public func recordDelivered(_ deliveries: [PasswordDelivery]) throws(DirectoryError) {
        guard !deliveries.isEmpty else { return }
        // Digests here, on the caller's thread, not in the one writer's transaction: they cost more
        // than the inserts. The salts come from the system's secure bytes fetched in bulk, not a
        // system call per salt.
        var random = SecureRandom()
        let digests = deliveries.map {
            QueuedDelivery(
                key: $0.user.rawValue,
                digest: PasswordDigest(of: $0.password.revealed, using: &random).stored)
        }
        queuedDeliveries.withLock { $0.append(contentsOf: digests) }
    }

    public func writeQueuedDeliveries() throws(DirectoryError) {
        let count = queuedDeliveries.withLock { $0.count }
        guard count > 0 else { return }
        // The queued records go in at the start of every write transaction: an empty one is enough.
        try writing("recording \(count) delivered passwords") { _ in }
    }

    /// Inserts (or replaces) the delivery records, in order, in the write transaction of `db`.
    static func insert(_ deliveries: [QueuedDelivery], in db: Database) throws {
        guard !deliveries.isEmpty else { return }
        // A raw statement with the text bound in place: GRDB's arguments cost an array of boxed
        // values per row, and an import records a delivery for every user.
        let statement = try RawStatement(
            db,
            sql: """
                INSERT INTO credential_delivery (user_id, digest)
                SELECT id, ? FROM tenant_user WHERE upn_key = ?
                ON CONFLICT (user_id) DO UPDATE SET digest = excluded.digest
                """)
        defer { statement.clearBindings() }
        for item in deliveries {
            try item.digest.withUnsafeBytes { digest in
                try StoredUserKey.withColumnBytes(of: item.key) { key in
                    statement.bindBlob(1, digest.baseAddress!, count: digest.count)
                    statement.bindText(2, key.baseAddress, count: key.count)
                    try statement.execute()
                }
            }
        }
    }

    /// The recorded password digest of each account, by user name key (`nil`: delivered before
    /// digests were kept); accounts without a delivery are absent. For checks and tests.
    public func deliveredDigests() throws(DirectoryError) -> [String: PasswordDigest?] {
        try writeQueuedDeliveries()
        return try reading("listing delivered passwords") { db in
            var result: [String: PasswordDigest?] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT u.upn_key, c.digest FROM credential_delivery c JOIN tenant_user u ON u.id = c.user_id
                    """)
            for row in rows {
                let digest: Data? = row[1]
                result[StoredUserKey.key(fromColumn: row[0])] = digest.flatMap { PasswordDigest(stored: $0) }
            }
            return result
        }
    }
}

/// A delivery record waiting for the next write transaction: the account's user name key and the
/// stored bytes of its delivered password's digest (``PasswordDigest/stored``).
struct QueuedDelivery: Sendable {
    let key: String
    let digest: [UInt8]
}
