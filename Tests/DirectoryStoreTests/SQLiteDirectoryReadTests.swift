import DirectoryStore
import OnboardCore
import Testing

/// The store's batch look-up (`storedUsers(matching:)`) against the core's single-row look-ups.
struct SQLiteDirectoryReadTests {
    static let contoso = Fixture.tenant("contoso", offers: ["Office"], domains: ["contoso.com"])
    static let fabrikam = Fixture.tenant("fabrikam", mode: .selfService, domains: ["fabrikam.com"])

    /// A store and the in-memory reference holding the same two tenants and users.
    static func directories() throws -> (store: SQLiteDirectory, reference: InMemoryDirectory) {
        let store = try SQLiteDirectory(path: Fixture.storePath(), makePassword: Fixture.passwords())
        let reference = InMemoryDirectory(makePassword: Fixture.passwords())
        for directory in [store as any Directory, reference] {
            _ = try directory.apply(contoso)
            _ = try directory.apply(fabrikam)
            for item in [
                Fixture.application("alice@contoso.com", of: contoso),
                Fixture.application("bob@contoso.com", of: contoso, title: "Clerk"),
                Fixture.application("carol@fabrikam.com", of: fabrikam, role: .owner),
            ] {
                _ = try directory.apply(item.user, role: item.role, password: nil)
            }
        }
        return (store, reference)
    }

    /// One batch with every case a plan meets, each named.
    static let candidates: [(String, UserApplication)] = [
        ("unchanged", Fixture.application("alice@contoso.com", of: contoso)),
        ("new", Fixture.application("dave@contoso.com", of: contoso)),
        ("changed attribute", Fixture.application("bob@contoso.com", of: contoso, title: "Boss")),
        ("changed role", Fixture.application("alice@contoso.com", of: contoso, role: .contributor)),
        ("repeated, unchanged", Fixture.application("alice@contoso.com", of: contoso)),
        (
            "name of another tenant",
            Fixture.application(
                "carol@fabrikam.com", of: Fixture.tenant("contoso", domains: ["fabrikam.com"]))
        ),
        ("other spelling", Fixture.application("ALICE@contoso.com", of: contoso)),
        (
            "unknown tenant, new name",
            Fixture.application("erin@ghost.onmicrosoft.com", of: Fixture.tenant("ghost"))
        ),
        (
            "unknown tenant, stored name",
            Fixture.application("alice@contoso.com", of: Fixture.tenant("ghost", domains: ["contoso.com"]))
        ),
        (
            "role of another user",
            UserApplication(
                user: Fixture.user("alice@contoso.com", of: contoso),
                role: Fixture.application("bob@contoso.com", of: contoso).role)
        ),
        ("default admin", UserApplication(user: contoso.defaultAdmin, role: contoso.defaultAdminAssignment)),
    ]

    @Test func aBatchLookUpComparesAsTheSingleRowLookUpsDo() throws {
        let (store, reference) = try Self.directories()
        let batch = Self.candidates.map(\.1)
        let fast = try store.storedUsers(matching: batch)
        let slow = try reference.storedUsers(matching: batch)
        #expect(fast.count == batch.count, "one answer per candidate, in order")
        for ((name, candidate), (got, expected)) in zip(Self.candidates, zip(fast, slow)) {
            let gotChanges = got.changes(to: candidate.user, role: candidate.role)
            let expectedChanges = expected.changes(to: candidate.user, role: candidate.role)
            #expect(gotChanges?.user == expectedChanges?.user, "\(name): user change")
            #expect(gotChanges?.role == expectedChanges?.role, "\(name): role change")
            #expect((gotChanges == nil) == (expectedChanges == nil), "\(name): another tenant's name or not")
        }
    }

    @Test(arguments: ["unchanged", "repeated, unchanged", "default admin"])
    func anUnchangedUserIsSettledByItsFingerprint(_ name: String) throws {
        let (store, _) = try Self.directories()
        let candidate = try #require(Self.candidates.first { $0.0 == name }).1
        #expect(try store.storedUsers(matching: [candidate]) == [.same], "\(name): not read back")
    }

    @Test(arguments: ["changed attribute", "changed role", "name of another tenant", "role of another user"])
    func aDifferentUserIsHandedBackInFull(_ name: String) throws {
        let (store, reference) = try Self.directories()
        let candidate = try #require(Self.candidates.first { $0.0 == name }).1
        let stored = try store.storedUsers(matching: [candidate])
        let user = try #require(reference.user(key: candidate.user.key))
        let role = reference.roleAssignment(of: candidate.user.key)
        #expect(stored == [.stored(user, role)], "\(name): the stored user and role")
    }

    @Test func aNewNameIsAbsentAndAnEmptyBatchAsksNothing() throws {
        let (store, _) = try Self.directories()
        let new = Fixture.application("zoe@contoso.com", of: Self.contoso)
        #expect(try store.storedUsers(matching: [new, new]) == [.absent, .absent], "absent twice")
        #expect(try store.storedUsers(matching: []).isEmpty, "no answers for no candidates")
    }
}
