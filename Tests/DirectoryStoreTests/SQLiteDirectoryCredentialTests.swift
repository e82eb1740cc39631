import Foundation
import GRDB
import OnboardCore
import Testing

@testable import DirectoryStore

/// The credential ledger: which accounts' passwords are durably delivered, with salted digests.
struct SQLiteDirectoryCredentialTests {
    @Test("a created account is undelivered until recorded; the digest matches only its password")
    func deliveryIsRecorded() throws {
        let store = try SQLiteDirectory(path: Fixture.storePath())
        let tenant = Fixture.tenant("contoso")
        let adminPassword = try store.createTenant(tenant)
        let results = store.apply(users: [Fixture.application("alice@contoso.onmicrosoft.com", of: tenant)])
        let alice = try results[0].get()
        #expect(
            try store.undeliveredAccounts().map(\.userPrincipalName.rawValue).sorted()
                == ["admin@contoso.onmicrosoft.com", "alice@contoso.onmicrosoft.com"],
            "both new accounts wait for delivery")
        try store.recordDelivered([
            PasswordDelivery(user: tenant.defaultAdmin.key, password: adminPassword),
            PasswordDelivery(
                user: alice.user.key, password: try #require(alice.password, "a new user's password")),
        ])
        #expect(try store.undeliveredAccounts().isEmpty, "nothing left to deliver")
        let digests = try store.deliveredDigests()
        let digest = try #require(digests[alice.user.key.rawValue] ?? nil, "alice's digest is recorded")
        #expect(digest.matches(alice.password!.revealed), "the digest matches the password")
        #expect(!digest.matches(adminPassword.revealed), "and no other")
        #expect(!digest.encoded.contains(alice.password!.revealed), "the digest does not hold the password")
    }

    @Test("recording again replaces the digest (a reset)")
    func resetReplacesDigest() throws {
        let store = try SQLiteDirectory(path: Fixture.storePath())
        let tenant = Fixture.tenant("contoso")
        let first = try store.createTenant(tenant)
        try store.recordDelivered([PasswordDelivery(user: tenant.defaultAdmin.key, password: first)])
        let second = Secret("New-Password-42!")
        try store.recordDelivered([PasswordDelivery(user: tenant.defaultAdmin.key, password: second)])
        let digest = try #require(try store.deliveredDigests()[tenant.defaultAdmin.key.rawValue] ?? nil)
        #expect(digest.matches(second.revealed) && !digest.matches(first.revealed), "only the latest matches")
    }

    @Test("recorded deliveries wait for the store's next write, which a failed write does not lose")
    func deliveriesGoInWithTheNextWrite() throws {
        let path = Fixture.storePath()
        let store = try SQLiteDirectory(path: path)
        let contoso = Fixture.tenant("contoso")
        let password = try store.createTenant(contoso)
        // Another connection to the file sees only what was committed.
        let other = try SQLiteDirectory(path: path)
        try store.recordDelivered([PasswordDelivery(user: contoso.defaultAdmin.key, password: password)])
        #expect(try other.undeliveredAccounts().count == 1, "queued, not written yet")
        #expect(try store.undeliveredAccounts().isEmpty, "the store's own reads see the record")
        #expect(try other.undeliveredAccounts().isEmpty, "by writing it first")

        let fabrikam = Fixture.tenant("fabrikam")
        let second = try store.createTenant(fabrikam)
        try store.recordDelivered([PasswordDelivery(user: fabrikam.defaultAdmin.key, password: second)])
        #expect(
            try other.undeliveredAccounts().map(\.userPrincipalName.rawValue)
                == ["admin@fabrikam.onmicrosoft.com"], "queued, not written yet")
        // A write that fails (a prefix taken) rolls back; the record waits for the next one.
        #expect(throws: DirectoryError.prefixTaken(contoso.prefix), "contoso exists") {
            try store.createTenant(contoso)
        }
        #expect(try other.undeliveredAccounts().count == 1, "still queued after the failed write")
        _ = try store.createTenant(Fixture.tenant("woodgrove"))
        #expect(
            try other.undeliveredAccounts().map(\.userPrincipalName.rawValue)
                == ["admin@woodgrove.onmicrosoft.com"], "written with the next write")
        try store.recordDelivered([
            PasswordDelivery(user: Fixture.tenant("woodgrove").defaultAdmin.key, password: second)
        ])
        try store.writeQueuedDeliveries()
        #expect(try other.undeliveredAccounts().isEmpty, "written at the end of the run")
        try store.writeQueuedDeliveries()
    }

    @Test("accounts of a store made before the ledger count as delivered")
    func migrationKeepsEarlierAccountsDelivered() throws {
        let path = Fixture.storePath()
        do {
            let store = try SQLiteDirectory(path: path)
            _ = try store.createTenant(Fixture.tenant("contoso"))
            #expect(try store.undeliveredAccounts().count == 1, "a new admin waits for delivery")
        }
        // Turn the file back into a version-1 store holding that tenant.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DROP TABLE credential_delivery")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v2-credential-delivery'")
        }
        try queue.close()
        let migrated = try SQLiteDirectory(path: path)
        #expect(try migrated.undeliveredAccounts().isEmpty, "the earlier run delivered its accounts")
        let digests = try migrated.deliveredDigests()
        #expect(Array(digests.keys) == ["admin@contoso.onmicrosoft.com"], "the admin is delivered")
        #expect(digests["admin@contoso.onmicrosoft.com"] == .some(.none), "with no digest known")
    }

    @Test("the store keeps a digest as its 48 bytes, never the password")
    func digestIsStoredAsBytes() throws {
        let path = Fixture.storePath()
        let store = try SQLiteDirectory(path: path)
        let tenant = Fixture.tenant("contoso")
        let password = try store.createTenant(tenant)
        try store.recordDelivered([PasswordDelivery(user: tenant.defaultAdmin.key, password: password)])
        try store.writeQueuedDeliveries()
        let stored = try DatabaseQueue(path: path).read {
            try Data.fetchOne($0, sql: "SELECT digest FROM credential_delivery")
        }
        let bytes = try #require(stored, "a digest is recorded")
        #expect(bytes.count == 48, "salt and SHA-256")
        #expect(PasswordDigest(stored: bytes)?.matches(password.revealed) == true, "of the delivered password")
        #expect(PasswordDigest(stored: bytes)?.stored == Array(bytes), "and reads back as the same bytes")
    }

    @Test("a store with digests as text (version 3) keeps every one, as bytes, once opened")
    func migrationConvertsTextDigests() throws {
        let path = Fixture.storePath()
        let tenant = Fixture.tenant("contoso")
        let other = Fixture.tenant("fabrikam")
        let password: Secret
        do {
            let store = try SQLiteDirectory(path: path)
            password = try store.createTenant(tenant)
            _ = try store.createTenant(other)
            try store.recordDelivered([PasswordDelivery(user: tenant.defaultAdmin.key, password: password)])
            try store.writeQueuedDeliveries()
        }
        let digest = PasswordDigest(of: password.revealed, salt: Array(0..<16))
        // Turn the ledger back into version 3's: text digests, one of them not a digest at all.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: """
                    DROP TABLE credential_delivery;
                    CREATE TABLE credential_delivery (
                        user_id INTEGER PRIMARY KEY REFERENCES tenant_user(id) ON DELETE CASCADE, digest TEXT
                    ) STRICT;
                    INSERT INTO credential_delivery (user_id, digest)
                        SELECT id, ? FROM tenant_user WHERE upn_key = 'contoso.onmicrosoft.com admin';
                    INSERT INTO credential_delivery (user_id, digest)
                        SELECT id, 'sha256$zz$00' FROM tenant_user WHERE upn_key = 'fabrikam.onmicrosoft.com admin';
                    DELETE FROM grdb_migrations WHERE identifier = 'v4-binary-password-digests';
                    """, arguments: [digest.encoded])
        }
        try queue.close()
        let digests = try SQLiteDirectory(path: path).deliveredDigests()
        #expect(digests[tenant.defaultAdmin.key.rawValue] == .some(digest), "the same digest, now bytes")
        #expect(digests[tenant.defaultAdmin.key.rawValue]??.matches(password.revealed) == true, "still matching")
        #expect(
            digests[other.defaultAdmin.key.rawValue] == .some(.none),
            "a text that was no digest: delivered, digest unknown")
    }

    @Test(
        "PasswordDigest reads back only its own form",
        arguments: ["", "sha256$", "md5$00$00", "sha256$0g$00"])
    func digestForm(text: String) {
        #expect(PasswordDigest(encoded: text) == nil, "\(text) is not a digest")
    }
}
