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
    let tenantKeys = Mutex(TenantKeyCache())

    /// Opens the store at `path`, making it (and its folder) if absent; generates temporary passwords
    /// from the operating system's secure random bytes.
    public convenience init(path: String) throws(DirectoryStoreError) {
        let random = Mutex(BufferedSecureRandom())
        try self.init(
            path: path,
            makePassword: { user in
                random.withLock { TemporaryPassword.makeGenerated(avoiding: user.userName, using: &$0) }
            })
    }

    /// Opens the store at `path`, generating temporary passwords with `makePassword` (tests pass a
    /// seeded generator here).
    public init(path: String, makePassword: @escaping @Sendable (UserPrincipalName) -> TemporaryPassword)
        throws(DirectoryStoreError)
    {
        self.path = path
        self.makePassword = makePassword
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Another process (a second onboard on the same file) may hold the write lock for one batch.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Page cache: 256 MiB for the one writer, so a million users' indexes stay in memory while
            // a batch inserts all over them; 32 MiB for each reader, which read the file through a
            // shared memory map instead of copying pages into caches of their own.
            try db.execute(
                sql: db.configuration.readonly ? "PRAGMA cache_size = -32768" : "PRAGMA cache_size = -262144")
            try db.execute(sql: "PRAGMA mmap_size = 1073741824")
            // Checkpoint the WAL into the file every 64 MiB rather than every 4 MiB: a page rewritten
            // by many batches in between is copied once.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 16384")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: configuration)
            try DirectorySchema.migrator.migrate(pool)
        } catch {
            throw DirectoryStoreError(path: path, reason: "\(error)")
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
    func writing<T>(_ operation: String, _ body: (Database) throws -> T) throws(DirectoryError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw DirectoryError(storeFailure: error, while: operation)
        }
    }
}
