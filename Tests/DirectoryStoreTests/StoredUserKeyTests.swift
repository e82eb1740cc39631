import Foundation
import GRDB
import OnboardCore
import Testing

@testable import DirectoryStore

/// The `upn_key` column holds a user's key domain first, so a tenant's users sit together in its index.
struct StoredUserKeyTests {
    @Test(
        "the column is the domain, a space, the name; and reads back as the key",
        arguments: [
            ("alice@contoso.com", "contoso.com alice"),
            ("a.b-c_d'e!f#g^h~i@sub.contoso.onmicrosoft.com", "sub.contoso.onmicrosoft.com a.b-c_d'e!f#g^h~i"),
            ("x@y.z", "y.z x"),
        ])
    func columnForm(key: String, column: String) {
        #expect(StoredUserKey.column(for: key) == column, "written domain first")
        #expect(StoredUserKey.withColumnBytes(of: key) { String(decoding: $0, as: UTF8.self) } == column, "same bytes")
        #expect(StoredUserKey.key(fromColumn: column) == key, "read back")
    }

    @Test("a text without a space or an @ is taken as it is")
    func textWithoutSeparator() {
        #expect(StoredUserKey.column(for: "nobody") == "nobody")
        #expect(StoredUserKey.key(fromColumn: "nobody") == "nobody")
    }

    @Test("one tenant's users are neighbours in the key's order, whatever their names")
    func aTenantsUsersSortTogether() {
        let keys = ["zoe@a.example", "adam@b.example", "mia@a.example", "bob@b.example"]
        let sorted = keys.map(StoredUserKey.column(for:)).sorted().map(StoredUserKey.key(fromColumn:))
        #expect(sorted == ["mia@a.example", "zoe@a.example", "adam@b.example", "bob@b.example"])
    }

    @Test("a store with keys of the old form is rewritten when opened, and everything still matches")
    func migrationRewritesOldKeys() throws {
        let path = Fixture.storePath()
        let contoso = Fixture.tenant("contoso", domains: ["contoso.com"])
        let users = [
            Fixture.application("zoe@contoso.com", of: contoso),
            Fixture.application("adam@contoso.onmicrosoft.com", of: contoso, role: .contributor),
            // Its old key is the new key of nobody, but one whose parts swap places: `b.c d.e` / `d.e@b.c`.
            Fixture.application("b.c@contoso.com", of: contoso),
        ]
        do {
            let store = try SQLiteDirectory(path: path, makePassword: Fixture.passwords())
            _ = try store.apply(contoso)
            let applied = try store.apply(users: users).map { try $0.get() }
            try store.recordDelivered(
                applied.compactMap { user in user.password.map { PasswordDelivery(user: user.user.key, password: $0) } })
            try store.writeQueuedDeliveries()
        }
        // Turn the file back into a version-2 store: keys written name first.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: """
                    UPDATE tenant_user SET upn_key = substr(upn_key, instr(upn_key, ' ') + 1) || '@'
                        || substr(upn_key, 1, instr(upn_key, ' ') - 1);
                    DELETE FROM grdb_migrations WHERE identifier = 'v3-domain-first-user-keys';
                    """)
        }
        #expect(
            try queue.read { try String.fetchAll($0, sql: "SELECT upn_key FROM tenant_user ORDER BY id") }
                .contains("zoe@contoso.com"),
            "the old form is back")
        try queue.close()

        let reopened = try SQLiteDirectory(path: path, makePassword: Fixture.passwords())
        let stored = try DatabaseQueue(path: path).read {
            try String.fetchAll($0, sql: "SELECT upn_key FROM tenant_user ORDER BY upn_key")
        }
        #expect(
            stored == [
                "contoso.com b.c", "contoso.com zoe", "contoso.onmicrosoft.com adam",
                "contoso.onmicrosoft.com admin",
            ], "rewritten domain first")
        let again = reopened.apply(users: users).map { try? $0.get().change }
        #expect(again == Array(repeating: .unchanged, count: users.count), "each user found and unchanged")
        #expect(
            try reopened.users(of: contoso.prefix).map(\.key.rawValue) == [
                "adam@contoso.onmicrosoft.com", "admin@contoso.onmicrosoft.com", "b.c@contoso.com",
                "zoe@contoso.com",
            ], "listed in the key's order, as before")
        #expect(try reopened.user(key: users[0].user.key) == users[0].user, "found by key")
        #expect(
            Set(try reopened.deliveredDigests().keys).isSuperset(of: users.map(\.user.key.rawValue)),
            "deliveries are reported under the core's keys")
    }
}
