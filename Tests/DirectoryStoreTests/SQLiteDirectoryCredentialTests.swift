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

    @Test(
        "PasswordDigest reads back only its own form",
        arguments: ["", "sha256$", "md5$00$00", "sha256$0g$00"])
    func digestForm(text: String) {
        #expect(PasswordDigest(encoded: text) == nil, "\(text) is not a digest")
    }
}
