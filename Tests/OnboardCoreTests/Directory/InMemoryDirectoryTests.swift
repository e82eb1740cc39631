import Dispatch
import OnboardCore
import Testing

struct InMemoryDirectoryTests {
    let policy = OnboardingPolicy()

    func directory(seed: UInt64 = 1) -> InMemoryDirectory {
        let generator = SharedState(SeededGenerator(seed: seed))
        return InMemoryDirectory(makePassword: { user in
            generator.withLock { TemporaryPassword.makeGenerated(avoiding: user.userName, using: &$0) }
        })
    }

    func error(_ body: () throws(DirectoryError) -> Void) -> DirectoryError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    @Test func aTenantIsCreatedWithExactlyOneAdminAndItsPassword() throws {
        let directory = directory()
        let tenant = Fixture.tenant("contoso")
        let password = try directory.createTenant(tenant)
        _ = try TemporaryPassword.parse(password.revealed, userName: "admin")
        let users = directory.users(of: tenant.prefix)
        #expect(users.filter(\.isDefaultAdmin) == [tenant.defaultAdmin], "exactly one default admin")
        #expect(directory.roleAssignment(of: tenant.defaultAdmin.key)?.role == .owner, "admin is Owner")
        #expect(directory.tenant(prefix: tenant.prefix) == tenant, "look-up by prefix")
    }

    @Test func prefixesAreUniqueAcrossTheDirectory() throws {
        let directory = directory()
        _ = try directory.createTenant(Fixture.tenant("contoso"))
        let second = CustomerTenant(Fixture.tenantDraft("CONTOSO", company: "Other"))
        #expect(
            error { () throws(DirectoryError) in _ = try directory.createTenant(second) }
                == .prefixTaken(second.prefix), "same prefix")
    }

    @Test func verifiedDomainsBelongToOneTenant() throws {
        let directory = directory()
        _ = try directory.createTenant(Fixture.tenant("contoso", domains: ["contoso.com"]))
        let thief = Fixture.tenant("fabrikam", domains: ["Contoso.com"])
        let taken = try DomainName.parse("contoso.com")
        #expect(
            error { () throws(DirectoryError) in _ = try directory.createTenant(thief) }
                == .domainTaken(taken), "create")
        _ = try directory.createTenant(Fixture.tenant("fabrikam"))
        #expect(
            error { () throws(DirectoryError) in try directory.updateTenant(thief) } == .domainTaken(taken),
            "update")
        #expect(directory.tenant(owning: taken)?.prefix.rawValue == "contoso", "the owner is found by domain")
    }

    @Test func userNamesAreUniqueAcrossTenantsByKey() throws {
        let directory = directory()
        let contoso = Fixture.tenant("contoso", domains: ["shared-looking.com"])
        _ = try directory.createTenant(contoso)
        let alice = try contoso.makeUser(Fixture.userDraft("alice@shared-looking.com"))
        _ = try directory.createUser(alice, password: nil)
        let twin = try contoso.makeUser(Fixture.userDraft("ＡＬＩＣＥ@shared-looking.com"))
        #expect(
            error { () throws(DirectoryError) in _ = try directory.createUser(twin, password: nil) }
                == .upnTaken(twin.userPrincipalName), "full-width upper-case twin is the same user")
    }

    @Test func listingUsersNeverShowsAnotherTenants() throws {
        let directory = directory()
        let contoso = Fixture.tenant("contoso")
        let fabrikam = Fixture.tenant("fabrikam")
        _ = try directory.createTenant(contoso)
        _ = try directory.createTenant(fabrikam)
        for name in ["alice", "bob"] {
            _ = try directory.createUser(
                contoso.makeUser(Fixture.userDraft("\(name)@contoso.onmicrosoft.com")), password: nil)
        }
        _ = try directory.createUser(
            fabrikam.makeUser(Fixture.userDraft("carol@fabrikam.onmicrosoft.com")), password: nil)
        #expect(
            directory.users(of: contoso.prefix).map(\.userPrincipalName.rawValue)
                == [
                    "admin@contoso.onmicrosoft.com", "alice@contoso.onmicrosoft.com",
                    "bob@contoso.onmicrosoft.com",
                ],
            "contoso's users only")
        #expect(
            directory.users(of: fabrikam.prefix).allSatisfy { $0.tenant == fabrikam.prefix },
            "fabrikam's users only")
        #expect(directory.users(of: Fixture.prefix("nobody")).isEmpty, "no tenant, no users")
    }

    @Test func aUserOutsideItsTenantsDomainsIsRefused() throws {
        let directory = directory()
        let wide = Fixture.tenant("contoso", domains: ["contoso.com"])
        let user = try wide.makeUser(Fixture.userDraft("alice@contoso.com"))
        // The directory's contoso lacks contoso.com: the directory's own record decides.
        _ = try directory.createTenant(Fixture.tenant("contoso"))
        #expect(
            error { () throws(DirectoryError) in _ = try directory.createUser(user, password: nil) }
                == .upnDomainNotInTenant(user.userPrincipalName, tenant: wide.prefix),
            "domain checked in the directory")
        #expect(
            error { () throws(DirectoryError) in
                _ = try directory.createUser(Fixture.tenant("ghost").defaultAdmin, password: nil)
            }
                == .unknownTenant(Fixture.prefix("ghost")), "no such tenant")
    }

    @Test func aDomainOrSubscriptionInUseCannotBeRemoved() throws {
        let directory = directory()
        let full = CustomerTenant(
            Fixture.tenantDraft("contoso", offers: ["Office"], domains: ["contoso.com"]))
        _ = try directory.createTenant(full)
        let user = try full.makeUser(Fixture.userDraft("alice@contoso.com"))
        _ = try directory.createUser(user, password: nil)
        try directory.assignRole(full.assign(.reader, to: user, on: full.subscriptions[1].id, policy: policy))
        let bare = Fixture.tenant("contoso")
        guard
            case .conflict(let violations) = error({ () throws(DirectoryError) in
                try directory.updateTenant(bare)
            })
        else {
            Issue.record("removing a used domain and subscription must conflict")
            return
        }
        #expect(violations.rules == [.upnDomain, .roleForeignSubscription], "both reasons")
        #expect(directory.tenant(prefix: full.prefix) == full, "nothing changed")
    }

    @Test func aRoleOnASubscriptionTheTenantNoLongerHasIsRefused() throws {
        let directory = directory()
        let withOffice = CustomerTenant(Fixture.tenantDraft("contoso", offers: ["Office"]))
        _ = try directory.createTenant(Fixture.tenant("contoso"))
        let user = try withOffice.makeUser(Fixture.userDraft("alice@contoso.onmicrosoft.com"))
        _ = try directory.createUser(user, password: nil)
        let onOffice = try withOffice.assign(
            .reader, to: user, on: withOffice.subscriptions[1].id, policy: policy)
        guard
            case .conflict(let violations) = error({ () throws(DirectoryError) in
                try directory.assignRole(onOffice)
            })
        else {
            Issue.record("a subscription the stored tenant lacks must be refused")
            return
        }
        #expect(violations.rules == [.roleForeignSubscription], "foreign subscription")
    }

    @Test func applyingTheSameInputTwiceChangesNothing() throws {
        let directory = directory()
        let tenant = Fixture.tenant("contoso")
        let first = try directory.apply(tenant)
        #expect(first.change == .created && first.adminPassword != nil, "created with a password")
        let second = try directory.apply(Fixture.tenant("contoso"))
        #expect(second.change == .unchanged && second.adminPassword == nil, "unchanged, no new password")

        let user = try tenant.makeUser(Fixture.userDraft("alice@contoso.onmicrosoft.com"))
        let role = try tenant.assign(.reader, to: user, policy: policy)
        let created = try directory.apply(user, role: role, password: nil)
        #expect(
            created.change == .created && created.roleChange == .created && created.password != nil,
            "user created")
        let again = try directory.apply(user, role: role, password: nil)
        #expect(
            again.change == .unchanged && again.roleChange == .unchanged && again.password == nil,
            "user unchanged")
        #expect(directory.users(of: tenant.prefix).count == 2, "still admin + alice")
    }

    @Test func aChangedAttributeIsAnUpdateNotANewObject() throws {
        let directory = directory()
        _ = try directory.apply(Fixture.tenant("contoso"))
        let renamed = CustomerTenant(Fixture.tenantDraft("contoso", company: "Contoso GmbH"))
        #expect(try directory.apply(renamed).change == .updated([.company]), "company updated")
        #expect(directory.tenants().map(\.company.rawValue) == ["Contoso GmbH"], "one tenant, renamed")

        let user = try renamed.makeUser(Fixture.userDraft("alice@contoso.onmicrosoft.com"))
        _ = try directory.apply(user, role: renamed.assign(.reader, to: user, policy: policy), password: nil)
        let promoted = try renamed.makeUser(Fixture.userDraft("alice@contoso.onmicrosoft.com", title: "CFO"))
        let result = try directory.apply(
            promoted, role: renamed.assign(.contributor, to: promoted, policy: policy), password: nil)
        #expect(
            result.change == .updated([.jobTitle]) && result.roleChange == .updated([.role]), "title and role"
        )
        #expect(directory.roleAssignment(of: user.key)?.role == .contributor, "role replaced")
        #expect(directory.user(key: user.key)?.jobTitle == "CFO", "title stored")
    }

    @Test func aUserOfAnotherTenantIsNotTakenOver() throws {
        let directory = directory()
        let contoso = Fixture.tenant("contoso", domains: ["contoso.com"])
        _ = try directory.createTenant(contoso)
        let alice = try contoso.makeUser(Fixture.userDraft("alice@contoso.com"))
        _ = try directory.createUser(alice, password: nil)
        // A stale copy of fabrikam claims contoso.com; the directory's record decides.
        let fabrikam = Fixture.tenant("fabrikam", domains: ["contoso.com"])
        let impostor = try fabrikam.makeUser(Fixture.userDraft("alice@contoso.com"))
        let role = try fabrikam.assign(.reader, to: impostor, policy: policy)
        #expect(
            error { () throws(DirectoryError) in _ = try directory.apply(impostor, role: role, password: nil)
            }
                == .upnTaken(impostor.userPrincipalName), "not moved between tenants")
        #expect(
            error { () throws(DirectoryError) in try directory.updateUser(impostor) }
                == .unknownUser(impostor.userPrincipalName), "update")
    }

    @Test func reassigningTheDefaultAdminKeepsItOwner() throws {
        let directory = directory()
        let tenant = Fixture.tenant("contoso", mode: .selfService)
        _ = try directory.createTenant(tenant)
        let other = try tenant.assign(.owner, to: tenant.defaultAdmin, policy: policy)
        try directory.assignRole(other)
        #expect(
            directory.roleAssignment(of: tenant.defaultAdmin.key) == tenant.defaultAdminAssignment,
            "still Owner")
    }

    @Test func concurrentCreatesOfOnePrefixHaveExactlyOneWinner() {
        let directory = directory()
        // Results are collected and checked on the test's own thread: workers only record.
        let outcomes = SharedState<[DirectoryError?]>([])
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            let tenant = CustomerTenant(Fixture.tenantDraft("contoso", company: "Contoso \(index)"))
            let failure = error { () throws(DirectoryError) in _ = try directory.createTenant(tenant) }
            outcomes.withLock { $0.append(failure) }
        }
        let results = outcomes.withLock { $0 }
        #expect(results.count == 64 && results.filter { $0 == nil }.count == 1, "exactly one of 64 wins")
        #expect(
            results.compactMap { $0 }.allSatisfy { $0 == .prefixTaken(Fixture.prefix("contoso")) },
            "losers see prefixTaken")
        #expect(directory.users(of: Fixture.prefix("contoso")).count == 1, "one admin")
    }

    @Test func concurrentAppliesOfManyTenantsAndUsersAllLand() throws {
        let directory = directory()
        let policy = self.policy
        let failures = SharedState<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            let tenant = Fixture.tenant("t\(index % 20)")
            do {
                _ = try directory.apply(tenant)
                let user = try tenant.makeUser(Fixture.userDraft("u\(index)@t\(index % 20).onmicrosoft.com"))
                _ = try directory.apply(
                    user, role: tenant.assign(.reader, to: user, policy: policy), password: nil)
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [], "every apply succeeds")
        #expect(directory.tenants().count == 20, "20 tenants")
        for tenant in directory.tenants() {
            let users = directory.users(of: tenant.prefix)
            #expect(
                users.count == 11 && users.filter(\.isDefaultAdmin).count == 1,
                "\(tenant.prefix): admin + 10 users")
        }
    }

    @Test func recoveryIsRecordedWithoutSecrets() throws {
        let directory = directory()
        #expect(
            error { () throws(DirectoryError) in
                try directory.recordRecovery(SecretRedactionTests.setup().record)
            }
                == .unknownTenant(Fixture.prefix("contoso")), "tenant first")
        _ = try directory.createTenant(Fixture.tenant("contoso"))
        var setup = SecretRedactionTests.setup()
        setup.complete(.resourceGroupCreated)
        try directory.recordRecovery(setup.record)
        #expect(directory.recoveryRecord(of: Fixture.prefix("contoso")) == setup.record, "recorded")
    }

    @Test func errorMessagesAreForPeople() {
        let upn = Fixture.upn("alice@contoso.com")
        #expect(
            DirectoryError.upnTaken(upn).message
                == "The user name alice@contoso.com is already taken; user names are unique across all tenants.",
            "upnTaken")
        #expect(DirectoryError.transient(reason: "timeout", retryAfter: .seconds(2)).isTransient, "transient")
        #expect(!DirectoryError.permanent(reason: "quota").isTransient, "permanent")
    }
}
