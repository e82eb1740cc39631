import Foundation
import GRDB
import OnboardCore
import Synchronization

/// The partner's directory in one SQLite database file: the default store of onboard.
///
/// The file is made, with its folder, when it does not exist, and brought up to date by the schema's
/// migrations when it does. It runs in WAL mode with `synchronous=NORMAL`: a committed transaction
/// survives the process being killed (SIGKILL, a crash), because it is in the WAL file, which the
/// operating system writes out; only a power loss or kernel crash can lose the last commits (never
/// corrupt the file). FULL would fsync every commit, which a batch import does not need: re-running
/// the import after a power loss re-applies what was lost, idempotently.
///
/// Thread-safe: a GRDB `DatabasePool` serialises writes through one connection and lets reads run
/// concurrently on others, so the engine's Dispatch workers may call any method at once. No secret
/// is stored: temporary passwords are made here, returned once and forgotten (not even hashed; the
/// store never checks a password, so a hash would only be something to steal).
public final class SQLiteDirectory: Directory {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    let makePassword: @Sendable (UserPrincipalName) -> TemporaryPassword
    /// Tenants' row ids for the batch writer, kept across batches (see ``TenantKeyCache``).
    let tenantKeys = SharedState(TenantKeyCache())
    /// Whether the last batch met no stored user (see ``apply(users:)``): only a hint for the next
    /// batch's plan, never for an outcome.
    let expectsOnlyNewUsers = Atomic(false)
    /// Delivery records waiting for the next write transaction (see ``recordDelivered(_:)``).
    let queuedDeliveries = SharedState<[QueuedDelivery]>([])
    /// How long a write waits for another process's write lock before the store reports itself busy.
    static let busyTimeoutSeconds = 10

    /// Opens the store at `path`, making it (and its folder) if absent; generates temporary passwords
    /// from the operating system's secure random bytes.
    public convenience init(path: String) throws(DirectoryStoreError) {
        let random = SharedSecureRandom()
        try self.init(
            path: path,
            makePassword: { user in TemporaryPassword.makeGenerated(avoiding: user.userName, from: random) })
    }

    /// Opens the store at `path`, generating temporary passwords with `makePassword` (tests pass a
    /// seeded generator here).
    public convenience init(
        path: String, makePassword: @escaping @Sendable (UserPrincipalName) -> TemporaryPassword
    ) throws(DirectoryStoreError) {
        try self.init(path: path, makePassword: makePassword, isReadOnly: false)
    }

    /// Opens an existing store for reading only (listing commands): never makes the file or its
    /// folder, never migrates it; every write throws a store failure.
    ///
    /// - Throws: `DirectoryStoreError` with `isMissing` when there is no file at `path`; when the file
    ///   is not a store, or one of another schema version.
    public convenience init(readingExisting path: String) throws(DirectoryStoreError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DirectoryStoreError(path: path, reason: "no such file", isMissing: true)
        }
        // A read-only store's writes fail in SQLite; the generator is only there to satisfy the type.
        try self.init(
            path: path,
            makePassword: { user in
                var random = SecureRandom()
                return TemporaryPassword.makeGenerated(avoiding: user.userName, using: &random)
            }, isReadOnly: true)
    }

    init(
        path: String, makePassword: @escaping @Sendable (UserPrincipalName) -> TemporaryPassword,
        isReadOnly: Bool
    ) throws(DirectoryStoreError) {
        self.path = path
        self.makePassword = makePassword
        var configuration = Configuration()
        configuration.readonly = isReadOnly
        configuration.foreignKeysEnabled = true
        // Another process (a second onboard on the same file) may hold the write lock for one batch.
        configuration.busyMode = .timeout(TimeInterval(Self.busyTimeoutSeconds))
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A modest page cache and no memory map: the store's pages are in the operating system's
            // file cache anyway, and a large cache or map only grows the process (a 256 MiB cache and
            // a 1 GiB map measured 700 MiB peak for a million users, for no measurable speed).
            // The readers of an import's store (up to five, looking up batches beside the writer) get
            // 2 MiB each: at 8 MiB they held 40 MiB more of a re-import for no measurable speed. A
            // plan's read-only store has only readers, one at a time, and keeps 8 MiB.
            let cache = !db.configuration.readonly ? 16384 : isReadOnly ? 8192 : 2048
            try db.execute(sql: "PRAGMA cache_size = -\(cache)")
            try db.execute(sql: "PRAGMA mmap_size = 0")
            // Checkpoint the WAL into the file every 64 MiB rather than every 4 MiB: a page rewritten
            // by many batches in between is copied (and synced) once.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 16384")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        do {
            if isReadOnly {
                pool = try DatabasePool(path: path, configuration: configuration)
                let isCurrent = try pool.read { db in try DirectorySchema.migrator.hasCompletedMigrations(db)
                }
                guard isCurrent else {
                    throw DirectoryStoreError(
                        path: path,
                        reason:
                            "it is not an onboard store, or one of an older version (an import brings it up to date)"
                    )
                }
            } else {
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                if FileManager.default.fileExists(atPath: path) { try Self.refuseForeignDatabase(at: path) }
                pool = try DatabasePool(path: path, configuration: configuration)
                try DirectorySchema.migrator.migrate(pool)
            }
            guard try pool.read(DirectorySchema.hasRewrittenVersion1) else {
                throw DirectoryStoreError(path: path, reason: DirectorySchema.outdatedStoreReason)
            }
        } catch let error as DirectoryStoreError {
            throw error
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
        {
            var busy = DirectoryStoreError(
                path: path,
                reason: "its write lock was held by another process for over "
                    + "\(Self.busyTimeoutSeconds) s (SQLite: \(error.message ?? "database is locked"))")
            busy.isBusy = true
            throw busy
        } catch {
            throw DirectoryStoreError(path: path, reason: "\(error)")
        }
    }

    /// Throws when the file at `path` is another program's SQLite database, given as the store by
    /// mistake: onboard must not add its tables to it (nor switch it to WAL mode, which opening a
    /// pool does, so it is looked at through a read-only connection first).
    private static func refuseForeignDatabase(at path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let tables = try DatabaseQueue(path: path, configuration: configuration).read(
            DirectorySchema.foreignTables)
        guard tables.isEmpty else {
            throw DirectoryStoreError(
                path: path,
                reason: "it is an SQLite database of another program (tables "
                    + tables.prefix(5).joined(separator: ", ") + "); onboard does not add its tables to it")
        }
    }

    // MARK: Reads

    public func tenant(prefix: DomainPrefix) throws(DirectoryError) -> CustomerTenant? {
        try reading("looking up tenant \(prefix)") { db in try StoredTenant.fetch(db, prefix: prefix)?.tenant
        }
    }

    public func tenant(owning domain: DomainName) throws(DirectoryError) -> CustomerTenant? {
        try reading("looking up the tenant of \(domain)") { db in
            let id = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT tenant_id FROM tenant_domain WHERE domain = ?"),
                arguments: [domain.rawValue])
            return try id.flatMap { try StoredTenant.fetch(db, id: $0)?.tenant }
        }
    }

    public func tenants() throws(DirectoryError) -> [CustomerTenant] {
        try reading("listing tenants") { db in try StoredTenant.fetchAll(db).map(\.tenant) }
    }

    public func user(key: UserPrincipalName.Key) throws(DirectoryError) -> TenantUser? {
        try reading("looking up user \(key)") { db in try StoredUser.fetch(db, key: key)?.user }
    }

    public func users(of tenant: DomainPrefix) throws(DirectoryError) -> [TenantUser] {
        try reading("listing the users of \(tenant)") { db in
            let id = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM tenant WHERE prefix = ?"),
                arguments: [tenant.rawValue])
            guard let id else { return [] }
            return try StoredUser.fetchAll(db, tenantID: id).map(\.user)
        }
    }

    public func roleAssignment(of user: UserPrincipalName.Key) throws(DirectoryError) -> RoleAssignment? {
        try reading("looking up the role of \(user)") { db in try StoredUser.fetch(db, key: user)?.role }
    }

    public func recoveryRecord(of tenant: DomainPrefix) throws(DirectoryError) -> RecoveryRecord? {
        try reading("looking up the recovery set-up of \(tenant)") { db in
            try StoredRecovery.fetch(db, tenant: tenant)
        }
    }

    public func statistics() throws(DirectoryError) -> DirectoryStatistics {
        try reading("counting tenants and users") { db in
            DirectoryStatistics(
                tenants: try Int.fetchOne(db, sql: "SELECT count(*) FROM tenant") ?? 0,
                users: try Int.fetchOne(db, sql: "SELECT count(*) FROM tenant_user") ?? 0)
        }
    }

    // MARK: Transactions

    /// Runs `body` in a read transaction, mapping failures to directory errors.
    func reading<T>(_ operation: String, _ body: (Database) throws -> T) throws(DirectoryError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw DirectoryError(storeFailure: error, while: operation)
        }
    }

    /// Runs `body` in the one write transaction at a time; a thrown error rolls it back.
    ///
    /// The delivery records queued since the last write go in first, in the same transaction (a
    /// transaction of their own cost a commit per delivery); when it fails they are queued again.
    func writing<T>(_ operation: String, _ body: (Database) throws -> T) throws(DirectoryError) -> T {
        var deliveries: [QueuedDelivery] = []
        do {
            return try pool.write { db in
                // Taken inside the one writer's turn, so records go in in the order they were queued.
                deliveries = queuedDeliveries.withLock { queue in
                    let taken = queue
                    queue.removeAll(keepingCapacity: true)
                    return taken
                }
                try Self.insert(deliveries, in: db)
                return try body(db)
            }
        } catch {
            if !deliveries.isEmpty { queuedDeliveries.withLock { $0.insert(contentsOf: deliveries, at: 0) } }
            throw DirectoryError(storeFailure: error, while: operation)
        }
    }
}

extension SQLiteDirectory {
    /// How many users each tenant has (default admins included), by prefix, in one query: for
    /// listing commands, which would otherwise read every user.
    public func userCountsByTenant() throws(DirectoryError) -> [String: Int] {
        try reading("counting the users of each tenant") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT tenant.prefix AS prefix, count(tenant_user.id) AS users FROM tenant
                    LEFT JOIN tenant_user ON tenant_user.tenant_id = tenant.id GROUP BY tenant.id
                    """)
            return Dictionary(
                uniqueKeysWithValues: rows.map { (row: Row) in (row["prefix"] as String, row["users"] as Int)
                })
        }
    }
}
