import Foundation
import GRDB

/// The store's schema, as versioned migrations: a store made by an older onboard is brought up to
/// date when opened, and never changed by hand.
///
/// The core checks every rule before it calls the store; the constraints here are the last line of
/// defence behind it (two processes on one file, a bug): UNIQUE prefixes, domains and user name keys,
/// foreign keys everywhere, one default admin per tenant (a partial UNIQUE index), and a role only on a
/// subscription of the user's own tenant (a composite foreign key). No table has a column for a secret.
///
/// `v1-directory` was rewritten in place before the first release (the role moved into the user's row,
/// a fingerprint column was added): stores made by development builds must be made again.
enum DirectorySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-directory") { db in
            try db.execute(sql: version1)
        }
        migrator.registerMigration("v2-credential-delivery") { db in
            try db.execute(sql: version2)
        }
        migrator.registerMigration("v3-domain-first-user-keys") { db in
            try db.execute(sql: StoredUserKey.migration)
        }
        migrator.registerMigration("v4-binary-password-digests") { db in
            try migrateDigestsToBytes(db)
        }
        return migrator
    }

    /// Whether the store has the rewritten `v1-directory` (its users have a fingerprint column). A
    /// store made by a development build before the rewrite has the migration recorded as done, so
    /// nothing would bring it up to date: it is refused with ``outdatedStoreReason``.
    static func hasRewrittenVersion1(_ db: Database) throws -> Bool {
        try db.columns(in: "tenant_user").contains { $0.name == "fingerprint" }
    }

    /// The tables of a database that has tables but was never an onboard store (no migration table):
    /// another program's file given as `--store` by mistake, which onboard must not add its tables to.
    /// Empty for a new, empty file or an onboard store.
    static func foreignTables(_ db: Database) throws -> [String] {
        let tables = try String.fetchAll(
            db,
            sql:
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
        )
        return tables.contains("grdb_migrations") ? [] : tables
    }

    static let outdatedStoreReason =
        "it was made by a development build of onboard with an older schema; move it away and import again"

    /// The role names a `tenant_user.role` may hold (the core's `Role` raw values).
    private static let roleNames =
        "'Owner', 'Contributor', 'Reader', 'Site Recovery Contributor', "
        + "'Site Recovery Operator', 'Site Recovery Reader'"

    private static let version1 = """
        CREATE TABLE tenant (
            id INTEGER PRIMARY KEY,
            prefix TEXT NOT NULL UNIQUE,
            company TEXT NOT NULL,
            country TEXT NOT NULL,
            street TEXT, city TEXT, region TEXT, postal_code TEXT,
            contact_first_name TEXT NOT NULL,
            contact_last_name TEXT NOT NULL,
            contact_email TEXT NOT NULL,
            contact_phone TEXT,
            language TEXT NOT NULL,
            culture TEXT NOT NULL,
            dr_mode TEXT NOT NULL CHECK (dr_mode IN ('managed', 'self-service'))
        ) STRICT;

        -- position 0 is the initial domain prefix.onmicrosoft.com.
        CREATE TABLE tenant_domain (
            id INTEGER PRIMARY KEY,
            tenant_id INTEGER NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
            domain TEXT NOT NULL UNIQUE,
            position INTEGER NOT NULL,
            UNIQUE (tenant_id, id)
        ) STRICT;

        -- position 0 is the cloud (Azure) subscription; uuid is the core's derived subscription id.
        CREATE TABLE subscription (
            id INTEGER PRIMARY KEY,
            tenant_id INTEGER NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
            uuid TEXT NOT NULL UNIQUE,
            offer TEXT NOT NULL,
            position INTEGER NOT NULL,
            UNIQUE (tenant_id, id)
        ) STRICT;

        -- A user and its one role assignment (role, subscription_id: both or neither). No password
        -- column: temporary passwords are handed out once and never stored. upn_key: domain first since
        -- v3 (see StoredUserKey). fingerprint: SipHash-128
        -- of the values a re-import compares (see UserRowImage), NULL when unknown (compare in full).
        CREATE TABLE tenant_user (
            id INTEGER PRIMARY KEY,
            -- no foreign key of its own: (tenant_id, domain_id) below names a domain row, whose tenant_id
            -- references tenant(id); a second look-up per inserted user would check nothing more.
            tenant_id INTEGER NOT NULL,
            domain_id INTEGER NOT NULL,
            upn_key TEXT NOT NULL UNIQUE,
            upn TEXT NOT NULL,
            display_name TEXT NOT NULL,
            first_name TEXT, last_name TEXT, job_title TEXT, department TEXT, usage_location TEXT,
            sign_in_blocked INTEGER NOT NULL CHECK (sign_in_blocked IN (0, 1)),
            is_default_admin INTEGER NOT NULL CHECK (is_default_admin IN (0, 1)),
            role TEXT CHECK (role IN (\(roleNames))),
            subscription_id INTEGER,
            fingerprint BLOB CHECK (length(fingerprint) = 16),
            CHECK ((role IS NULL) = (subscription_id IS NULL)),
            -- the user's domain is one of its own tenant's domains
            FOREIGN KEY (tenant_id, domain_id) REFERENCES tenant_domain(tenant_id, id),
            -- a role only on a subscription of the user's own tenant (NULL: no role, nothing to check)
            FOREIGN KEY (tenant_id, subscription_id) REFERENCES subscription(tenant_id, id)
        ) STRICT;
        -- (tenant_id) and not (tenant_id, upn_key): a batch of users spread over many tenants dirties
        -- one small page per tenant, not one per user; listing a tenant's users sorts them instead.
        -- It also serves the foreign-key checks when a domain or subscription row is removed.
        CREATE INDEX tenant_user_by_tenant ON tenant_user(tenant_id);
        CREATE UNIQUE INDEX tenant_user_one_default_admin ON tenant_user(tenant_id) WHERE is_default_admin = 1;

        -- Names and steps only: the vault registration key and access-account passwords are never stored.
        CREATE TABLE recovery_record (
            tenant_id INTEGER PRIMARY KEY REFERENCES tenant(id) ON DELETE CASCADE,
            resource_group TEXT NOT NULL,
            vault TEXT NOT NULL,
            configuration_server TEXT NOT NULL,
            vcenter_account_user_name TEXT NOT NULL,
            virtual_machine_account_user_name TEXT NOT NULL,
            vcenter_host TEXT NOT NULL,
            vcenter_port INTEGER NOT NULL,
            completed_steps TEXT NOT NULL
        ) STRICT;
        """

    /// `v4`: the ledger's digests as their 48 bytes (``PasswordDigest/stored``), not 104 characters of
    /// text: a quarter of a million-user store was the ledger. The table is made again (a STRICT
    /// column's type cannot change) and every digest converted; one that is not a digest becomes NULL
    /// ("delivered, digest unknown"), as the accounts of version-1 stores are.
    private static func migrateDigestsToBytes(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE credential_delivery_v4 (
                    user_id INTEGER PRIMARY KEY REFERENCES tenant_user(id) ON DELETE CASCADE,
                    digest BLOB CHECK (digest IS NULL OR length(digest) = \(PasswordDigest.storedCount))
                ) STRICT
                """)
        let rows = try Row.fetchCursor(db, sql: "SELECT user_id, digest FROM credential_delivery")
        let insert = try db.makeStatement(sql: "INSERT INTO credential_delivery_v4 (user_id, digest) VALUES (?, ?)")
        while let row = try rows.next() {
            let text: String? = row[1]
            let bytes = text.flatMap(PasswordDigest.init(encoded:)).map { Data($0.stored) }
            try insert.execute(arguments: [row[0] as Int64, bytes])
        }
        try db.execute(
            sql: """
                DROP TABLE credential_delivery;
                ALTER TABLE credential_delivery_v4 RENAME TO credential_delivery;
                """)
    }

    /// The credential ledger (see `CredentialLedger` in the core): a row per account whose current
    /// temporary password is durably on a credential sheet, with a salted digest of it (never the
    /// password). Accounts made before this version were delivered by the run that made them.
    private static let version2 = """
        CREATE TABLE credential_delivery (
            user_id INTEGER PRIMARY KEY REFERENCES tenant_user(id) ON DELETE CASCADE,
            digest TEXT
        ) STRICT;
        INSERT INTO credential_delivery (user_id, digest) SELECT id, NULL FROM tenant_user;
        """
}
