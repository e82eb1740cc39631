import DirectoryStore
import OnboardCore
import Testing

struct SQLiteDirectoryBatchTests {
    /// What a result says, without the password (whose value differs between directories).
    enum Outcome: Equatable {
        case applied(TenantUser, Change<UserAttribute>, Change<RoleAssignmentAttribute>, hasPassword: Bool)
        case failed(DirectoryError)

        init(_ result: Result<AppliedUser, DirectoryError>) {
            switch result {
            case .success(let applied):
                self = .applied(
                    applied.user, applied.change, applied.roleChange, hasPassword: applied.password != nil)
            case .failure(let error): self = .failed(error)
            }
        }
    }

    /// Two tenants, and rows that cover every outcome of applying a user.
    static func batches() -> [[UserApplication]] {
        let contoso = Fixture.tenant("contoso", offers: ["Office"], domains: ["contoso.com"])
        let fabrikam = Fixture.tenant("fabrikam", mode: .selfService, domains: ["fabrikam.com"])
        let stale = Fixture.tenant("fabrikam", company: "Old Name", domains: ["fabrikam.com"])
        let ghost = Fixture.tenant("ghost")
        let alice = Fixture.application("alice@contoso.com", of: contoso)
        let impostor = Fixture.application(
            "alice@contoso.com", of: Fixture.tenant("fabrikam", domains: ["contoso.com"]))
        let onOffice = UserApplication(
            user: Fixture.user("bob@contoso.com", of: contoso),
            role: try! contoso.assign(
                .reader, to: Fixture.user("bob@contoso.com", of: contoso), on: contoso.subscriptions[1].id,
                policy: Fixture.policy))
        let first = [
            alice,
            Fixture.application("carol@fabrikam.com", of: fabrikam, role: .owner),
            alice,  // the same row twice in one batch: created, then unchanged
            impostor,  // a name of another tenant
            Fixture.application("dave@fabrikam.com", of: stale),  // a stale copy of the tenant is fine
            Fixture.application("erin@other.com", of: Fixture.tenant("contoso", domains: ["other.com"])),
            Fixture.application("frank@ghost.onmicrosoft.com", of: ghost),
            onOffice,
        ]
        let second = [
            alice,  // unchanged
            Fixture.application("alice@contoso.com", of: contoso, role: .contributor, title: "CFO"),
            Fixture.application("ALICE@contoso.com", of: contoso, role: .contributor, title: "CFO"),
            UserApplication(user: alice.user, role: contoso.defaultAdminAssignment),  // mismatched role
            UserApplication(user: contoso.defaultAdmin, role: contoso.defaultAdminAssignment),
            onOffice,
        ]
        // One user twice with different values: applied in order, so the second row changes it back.
        let third = [
            Fixture.application("carol@fabrikam.com", of: fabrikam, role: .owner, title: "Boss"),
            Fixture.application("carol@fabrikam.com", of: fabrikam, role: .owner),
        ]
        return [first, second, third]
    }

    @Test func aBatchMeansWhatApplyingEachRowMeans() throws {
        let store = try SQLiteDirectory(path: Fixture.storePath(), makePassword: Fixture.passwords())
        let reference = InMemoryDirectory(makePassword: Fixture.passwords())
        for directory in [store as any Directory, reference] {
            _ = try directory.apply(Fixture.tenant("contoso", offers: ["Office"], domains: ["contoso.com"]))
            _ = try directory.apply(Fixture.tenant("fabrikam", mode: .selfService, domains: ["fabrikam.com"]))
        }
        for (number, batch) in Self.batches().enumerated() {
            let fast = store.apply(users: batch).map(Outcome.init)
            let slow = reference.apply(users: batch).map(Outcome.init)
            #expect(fast.count == batch.count, "one result per row")
            for (row, (got, expected)) in zip(fast, slow).enumerated() {
                #expect(got == expected, "batch \(number + 1) row \(row + 1)")
            }
        }
        for prefix in ["contoso", "fabrikam"].map(Fixture.prefix) {
            #expect(try store.users(of: prefix) == reference.users(of: prefix), "same users in \(prefix)")
            for user in reference.users(of: prefix) {
                // Compared by role and subscription: the store names the user in its current spelling,
                // the reference in the spelling it had when the role was given.
                let stored = try store.roleAssignment(of: user.key)
                let expected = reference.roleAssignment(of: user.key)
                #expect(
                    stored?.role == expected?.role && stored?.subscription == expected?.subscription
                        && stored?.user.key == expected?.user.key,
                    "same role for \(user.userPrincipalName)")
            }
        }
    }

    @Test func aCreatedUserGetsTheGivenPasswordOrAGeneratedOne() throws {
        let store = try SQLiteDirectory(path: Fixture.storePath(), makePassword: Fixture.passwords())
        let tenant = Fixture.tenant("contoso")
        _ = try store.createTenant(tenant)
        let given = try TemporaryPassword.parse("Given-Pass-42", userName: "alice")
        let alice = Fixture.application("alice@contoso.onmicrosoft.com", of: tenant)
        let bob = Fixture.application("bob@contoso.onmicrosoft.com", of: tenant)
        let results = store.apply(users: [
            UserApplication(user: alice.user, role: alice.role, password: given), bob,
        ])
        #expect(try results[0].get().password == given.secret, "the given password")
        let generated = try #require(try results[1].get().password, "a generated password")
        #expect(
            (try? TemporaryPassword.parse(generated.revealed, userName: "bob")) != nil, "meets the policy")
        #expect(try store.statistics() == DirectoryStatistics(tenants: 1, users: 3), "admin + 2")
    }

    @Test func anEmptyBatchDoesNothing() throws {
        let store = try SQLiteDirectory(path: Fixture.storePath())
        #expect(store.apply(users: []).isEmpty, "no results")
    }
}
