import DirectoryStore
import Foundation
import GRDB
import OnboardCore
import Testing

struct SQLiteDirectoryTests {
    func store(_ path: String = Fixture.storePath()) throws -> SQLiteDirectory {
        try SQLiteDirectory(path: path, makePassword: Fixture.passwords())
    }

    @Test func aMissingStoreAndItsFolderAreMadeAndMigrated() throws {
        let path = Fixture.storePath()
        let directory = try store(path)
        #expect(FileManager.default.fileExists(atPath: path), "the file exists")
        let queue = try DatabaseQueue(path: path)
        let applied = try queue.read {
            try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(
            applied == [
                "v1-directory", "v2-credential-delivery", "v3-domain-first-user-keys", "v4-binary-password-digests",
            ],
            "versioned migrations recorded")
        let mode = try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal", "WAL mode")
        #expect(try directory.statistics() == DirectoryStatistics(tenants: 0, users: 0), "empty")
    }

    @Test func aTenantRoundTripsAndSurvivesReopening() throws {
        let path = Fixture.storePath()
        let tenant = Fixture.tenant(
            "contoso", offers: ["Office 365"], mode: .selfService, domains: ["contoso.com"])
        let password = try store(path).createTenant(tenant)
        _ = try TemporaryPassword.parse(password.revealed, userName: "admin")
        let reopened = try store(path)
        #expect(try reopened.tenant(prefix: tenant.prefix) == tenant, "same tenant after reopening")
        #expect(try reopened.tenant(owning: try DomainName.parse("contoso.com")) == tenant, "found by domain")
        #expect(try reopened.users(of: tenant.prefix) == [tenant.defaultAdmin], "exactly the default admin")
        #expect(
            try reopened.roleAssignment(of: tenant.defaultAdmin.key) == tenant.defaultAdminAssignment,
            "admin is Owner on the cloud subscription")
        #expect(try reopened.statistics() == DirectoryStatistics(tenants: 1, users: 1), "counts")
    }

    @Test func prefixesDomainsAndNamesAreUnique() throws {
        let directory = try store()
        _ = try directory.createTenant(Fixture.tenant("contoso", domains: ["contoso.com"]))
        #expect(
            directoryError { () throws(DirectoryError) in
                _ = try directory.createTenant(Fixture.tenant("CONTOSO", company: "Other"))
            } == .prefixTaken(Fixture.prefix("contoso")), "same prefix in another case")
        let thief = Fixture.tenant("fabrikam", domains: ["Contoso.com"])
        #expect(
            directoryError { () throws(DirectoryError) in _ = try directory.createTenant(thief) }
                == .domainTaken(try DomainName.parse("contoso.com")), "domain of another tenant")
        #expect(try directory.tenant(prefix: thief.prefix) == nil, "a refused create leaves nothing behind")
        let contoso = Fixture.tenant("contoso", domains: ["contoso.com"])
        _ = try directory.createUser(Fixture.user("alice@contoso.com", of: contoso), password: nil)
        let twin = Fixture.user("ＡＬＩＣＥ@contoso.com", of: contoso)
        #expect(
            directoryError { () throws(DirectoryError) in _ = try directory.createUser(twin, password: nil) }
                == .upnTaken(twin.userPrincipalName), "full-width upper-case twin is the same user")
    }

    @Test func theStoredTenantDecidesAUsersDomain() throws {
        let directory = try store()
        _ = try directory.createTenant(Fixture.tenant("contoso"))
        let user = Fixture.user("alice@contoso.com", of: Fixture.tenant("contoso", domains: ["contoso.com"]))
        #expect(
            directoryError { () throws(DirectoryError) in _ = try directory.createUser(user, password: nil) }
                == .upnDomainNotInTenant(user.userPrincipalName, tenant: user.tenant), "domain not stored")
        let ghost = Fixture.tenant("ghost")
        #expect(
            directoryError { () throws(DirectoryError) in
                _ = try directory.createUser(
                    Fixture.user("bob@ghost.onmicrosoft.com", of: ghost), password: nil)
            } == .unknownTenant(ghost.prefix), "no such tenant")
    }

    @Test func aDomainOrSubscriptionInUseCannotBeRemoved() throws {
        let directory = try store()
        let full = Fixture.tenant("contoso", offers: ["Office"], domains: ["contoso.com"])
        _ = try directory.createTenant(full)
        let user = Fixture.user("alice@contoso.com", of: full)
        _ = try directory.createUser(user, password: nil)
        try directory.assignRole(
            full.assign(.reader, to: user, on: full.subscriptions[1].id, policy: Fixture.policy))
        guard
            case .conflict(let violations) = directoryError({ () throws(DirectoryError) in
                try directory.updateTenant(Fixture.tenant("contoso"))
            })
        else {
            Issue.record("removing a used domain and subscription must conflict")
            return
        }
        #expect(violations.rules == [.upnDomain, .roleForeignSubscription], "both reasons")
        #expect(try directory.tenant(prefix: full.prefix) == full, "nothing changed")
    }

    @Test func applyingTwiceChangesNothingAndAChangeIsAnUpdate() throws {
        let directory = try store()
        let tenant = Fixture.tenant("contoso")
        #expect(try directory.apply(tenant).change == .created, "created")
        #expect(try directory.apply(Fixture.tenant("contoso")).change == .unchanged, "unchanged")
        let renamed = Fixture.tenant("contoso", company: "Contoso GmbH", domains: ["contoso.de"])
        #expect(try directory.apply(renamed).change == .updated([.company, .domains]), "updated")
        #expect(try directory.tenants() == [renamed], "one tenant, renamed")

        let alice = Fixture.application("alice@contoso.de", of: renamed)
        let created = try directory.apply(alice.user, role: alice.role, password: nil)
        #expect(created.change == .created && created.password != nil, "created with a password")
        let again = try directory.apply(alice.user, role: alice.role, password: nil)
        #expect(
            again.change == .unchanged && again.roleChange == .unchanged && again.password == nil, "unchanged"
        )
        let promoted = Fixture.application("alice@contoso.de", of: renamed, role: .contributor, title: "CFO")
        let result = try directory.apply(promoted.user, role: promoted.role, password: nil)
        #expect(
            result.change == .updated([.jobTitle]) && result.roleChange == .updated([.role]), "title and role"
        )
        #expect(try directory.user(key: alice.user.key) == promoted.user, "stored as updated")
    }

    @Test func listingUsersNeverShowsAnotherTenants() throws {
        let directory = try store()
        let contoso = Fixture.tenant("contoso")
        let fabrikam = Fixture.tenant("fabrikam")
        _ = try directory.createTenant(contoso)
        _ = try directory.createTenant(fabrikam)
        for name in ["bob", "alice"] {
            _ = try directory.createUser(
                Fixture.user("\(name)@contoso.onmicrosoft.com", of: contoso), password: nil)
        }
        _ = try directory.createUser(
            Fixture.user("carol@fabrikam.onmicrosoft.com", of: fabrikam), password: nil)
        #expect(
            try directory.users(of: contoso.prefix).map(\.userPrincipalName.rawValue)
                == [
                    "admin@contoso.onmicrosoft.com", "alice@contoso.onmicrosoft.com",
                    "bob@contoso.onmicrosoft.com",
                ],
            "contoso's users only, by key")
        #expect(try directory.users(of: Fixture.prefix("nobody")).isEmpty, "no tenant, no users")
    }

    @Test func theDefaultAdminStaysOwnerAndOnlyOne() throws {
        let path = Fixture.storePath()
        let directory = try store(path)
        let tenant = Fixture.tenant("contoso", mode: .selfService)
        _ = try directory.createTenant(tenant)
        let other = try tenant.assign(.owner, to: tenant.defaultAdmin, policy: Fixture.policy)
        try directory.assignRole(other)
        #expect(
            try directory.roleAssignment(of: tenant.defaultAdmin.key) == tenant.defaultAdminAssignment,
            "Owner")
        // The database itself refuses a second default admin, whatever the code above it does.
        let queue = try DatabaseQueue(path: path)
        #expect(throws: DatabaseError.self, "partial UNIQUE index") {
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO tenant_user (tenant_id, domain_id, upn_key, upn, display_name, sign_in_blocked,
                            is_default_admin)
                        SELECT tenant_id, domain_id, 'contoso.onmicrosoft.com root', 'root@contoso.onmicrosoft.com',
                            'Root', 0, 1 FROM tenant_user
                        """)
            }
        }
    }

    /// The SQL that tries to give contoso's default admin a role on fabrikam's subscription.
    static let foreignRoleWrites = [
        """
        UPDATE tenant_user SET subscription_id = (SELECT s.id FROM subscription s
            JOIN tenant t ON t.id = s.tenant_id WHERE t.prefix = 'fabrikam')
        WHERE upn_key = 'contoso.onmicrosoft.com admin'
        """,
        """
        INSERT INTO tenant_user (tenant_id, domain_id, upn_key, upn, display_name, sign_in_blocked,
            is_default_admin, role, subscription_id)
        SELECT u.tenant_id, u.domain_id, 'contoso.onmicrosoft.com bob', 'bob@contoso.onmicrosoft.com', 'Bob',
            0, 0, 'Reader', (SELECT s.id FROM subscription s JOIN tenant t ON t.id = s.tenant_id
                WHERE t.prefix = 'fabrikam')
        FROM tenant_user u WHERE u.upn_key = 'contoso.onmicrosoft.com admin'
        """,
    ]

    @Test(arguments: foreignRoleWrites)
    func aRoleOnAnotherTenantsSubscriptionIsRefusedByTheDatabase(sql: String) throws {
        let path = Fixture.storePath()
        let directory = try store(path)
        _ = try directory.createTenant(Fixture.tenant("contoso"))
        _ = try directory.createTenant(Fixture.tenant("fabrikam"))
        let queue = try DatabaseQueue(path: path, configuration: Self.foreignKeysOn)
        let error = #expect(throws: DatabaseError.self, "the composite foreign key refuses it") {
            try queue.write { db in try db.execute(sql: sql) }
        }
        #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY, "a foreign key failure")
        // The same write with contoso's own subscription is accepted: the refusal is the tenant rule.
        try queue.write { db in
            try db.execute(sql: sql.replacingOccurrences(of: "'fabrikam'", with: "'contoso'"))
        }
        #expect(
            try directory.roleAssignment(of: Fixture.upn("admin@contoso.onmicrosoft.com").key)?.role
                == .owner,
            "the admin's role")
    }

    @Test func aRoleNeedsItsSubscriptionAndASubscriptionItsRole() throws {
        let path = Fixture.storePath()
        let directory = try store(path)
        _ = try directory.createTenant(Fixture.tenant("contoso"))
        let queue = try DatabaseQueue(path: path, configuration: Self.foreignKeysOn)
        for assignment in ["role = NULL", "subscription_id = NULL"] {
            #expect(throws: DatabaseError.self, "\(assignment) alone is refused") {
                try queue.write { db in try db.execute(sql: "UPDATE tenant_user SET \(assignment)") }
            }
        }
    }

    /// Foreign keys are a per-connection setting in SQLite: on, as the store's own connections have it.
    static var foreignKeysOn: Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        return configuration
    }

    @Test func aStoreWithTheOldVersion1SchemaIsRefusedWithAReason() throws {
        let path = Fixture.storePath()
        _ = try store(path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "ALTER TABLE tenant_user DROP COLUMN fingerprint") }
        try queue.close()
        let error = #expect(throws: DirectoryStoreError.self, "refused") { try store(path) }
        #expect(error?.description.contains("older schema") == true, "says why: \(String(describing: error))")
    }

    @Test func recoveryIsRecordedWithoutSecrets() throws {
        let directory = try store()
        let prefix = Fixture.prefix("contoso")
        let account = { (purpose: AccessAccount.Purpose) in
            AccessAccount(
                purpose: purpose, userName: "svc-\(purpose.rawValue)", password: Secret("Hunter2!Hunter2!"))
        }
        var setup = RecoverySetup(
            tenant: prefix, vaultRegistrationKey: Secret("VAULT-KEY-0123456789"),
            configurationServer: ConfigurationServer(
                name: "cs-contoso", vCenterAccount: account(.vCenter),
                virtualMachineAccount: account(.virtualMachines)),
            vCenter: VCenterRegistration(host: "vc.contoso.local"))
        #expect(
            directoryError { () throws(DirectoryError) in try directory.recordRecovery(setup.record) }
                == .unknownTenant(prefix), "tenant first")
        _ = try directory.createTenant(Fixture.tenant("contoso"))
        setup.complete(.resourceGroupCreated)
        setup.complete(.vaultCreated)
        try directory.recordRecovery(setup.record)
        #expect(try directory.recoveryRecord(of: prefix) == setup.record, "recorded")
        let bytes = try StoreFile.bytes(at: directory.path)
        #expect(!StoreFile.contains(bytes, "VAULT-KEY-0123456789"), "no vault key in the store")
        #expect(!StoreFile.contains(bytes, "Hunter2!Hunter2!"), "no access-account password in the store")
    }
}
