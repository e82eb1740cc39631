import OnboardCore
import Testing

/// The batch look-up's answer and its default (the single-row look-ups, one after the other).
struct StoredUserMatchTests {
    let policy = OnboardingPolicy()
    let contoso = Fixture.tenant("contoso", domains: ["contoso.com"])

    func application(_ upn: String, of tenant: CustomerTenant, role: Role = .reader, title: String? = nil)
        throws -> UserApplication
    {
        let user = try tenant.makeUser(Fixture.userDraft(upn, title: title))
        return UserApplication(user: user, role: try tenant.assign(role, to: user, policy: policy))
    }

    @Test func theDefaultLooksEachCandidateUpInOrder() throws {
        let directory = InMemoryDirectory()
        _ = try directory.apply(contoso)
        let alice = try application("alice@contoso.com", of: contoso)
        _ = try directory.apply(alice.user, role: alice.role, password: nil)
        let bob = try application("bob@contoso.com", of: contoso)
        let matches = try directory.storedUsers(matching: [bob, alice, bob])
        #expect(
            matches == [.absent, .stored(alice.user, alice.role), .absent],
            "one answer per candidate, in order")
        #expect(try directory.storedUsers(matching: []).isEmpty, "nothing asked, nothing answered")
    }

    @Test func changesAreTheCoresComparison() throws {
        let alice = try application("alice@contoso.com", of: contoso)
        let promoted = try application("alice@contoso.com", of: contoso, role: .contributor, title: "CFO")
        let stored = StoredUserMatch.stored(alice.user, alice.role)
        #expect(
            StoredUserMatch.absent.changes(to: alice.user, role: alice.role)?.user == .created,
            "absent: created")
        #expect(
            StoredUserMatch.same.changes(to: alice.user, role: alice.role)?.role == .unchanged,
            "same: unchanged")
        let changes = try #require(stored.changes(to: promoted.user, role: promoted.role), "same tenant")
        #expect(changes.user == promoted.user.change(from: alice.user), "user change as the core says")
        #expect(changes.role == promoted.role.change(from: alice.role), "role change as the core says")
        #expect(
            stored.changes(to: alice.user, role: alice.role)?.user == .unchanged, "stored as is: unchanged")
        let fabrikam = Fixture.tenant("fabrikam", domains: ["contoso.com"])
        let impostor = try application("alice@contoso.com", of: fabrikam)
        #expect(
            stored.changes(to: impostor.user, role: impostor.role) == nil, "another tenant's name: no change")
    }

    @Test func aUserWithoutARoleComparesAsARoleToCreate() throws {
        let alice = try application("alice@contoso.com", of: contoso)
        let changes = StoredUserMatch.stored(alice.user, nil).changes(to: alice.user, role: alice.role)
        #expect(changes?.user == .unchanged && changes?.role == .created, "the user stays, its role is new")
    }
}
