import DirectoryStore
import GRDB
import OnboardCore
import Testing

/// A re-import settles a row as unchanged on its stored fingerprint alone; these check that the
/// shortcut never hides a change, and never invents one.
struct SQLiteDirectoryFingerprintTests {
    static let tenant = Fixture.tenant("contoso", offers: ["Office"], domains: ["contoso.com"])

    /// One changed value of the user or its role.
    struct Edit: Sendable, CustomTestStringConvertible {
        let name: String
        var upn = "alice@contoso.com"
        var draft: @Sendable (inout UserDraft) -> Void = { _ in }
        var role = Role.reader
        var subscription = 0
        var testDescription: String { name }
    }

    static let edits: [Edit] = [
        Edit(name: "spelling of the name", upn: "Alice@Contoso.com"),
        Edit(name: "display name", draft: { $0.displayName = try! DisplayName.parse("Alice Smyth") }),
        Edit(name: "first name", draft: { $0.firstName = "Alicia" }),
        Edit(name: "first name removed", draft: { $0.firstName = nil }),
        Edit(name: "last name", draft: { $0.lastName = "Smyth" }),
        Edit(name: "job title added", draft: { $0.jobTitle = "CFO" }),
        Edit(name: "department added", draft: { $0.department = "Finance" }),
        Edit(name: "usage location", draft: { $0.usageLocation = try! CountryCode.parse("FR") }),
        Edit(name: "usage location removed", draft: { $0.usageLocation = nil }),
        Edit(name: "sign-in blocked", draft: { $0.isSignInBlocked = true }),
        // Values moved from one attribute to its neighbour: the same bytes in another order.
        Edit(name: "first and last name swapped", draft: { swap(&$0.firstName, &$0.lastName) }),
        Edit(name: "role", role: .contributor),
        Edit(name: "subscription", subscription: 1),
    ]

    static func application(_ edit: Edit) -> UserApplication {
        var draft = UserDraft(
            userPrincipalName: Fixture.upn(edit.upn), displayName: try! DisplayName.parse("Alice Smith"),
            firstName: "Alice", lastName: "Smith", usageLocation: try! CountryCode.parse("DE"))
        edit.draft(&draft)
        let user = try! tenant.makeUser(draft)
        let role = try! tenant.assign(
            edit.role, to: user, on: tenant.subscriptions[edit.subscription].id, policy: Fixture.policy)
        return UserApplication(user: user, role: role)
    }

    static let original = Edit(name: "original")

    @Test(arguments: edits)
    func aChangedValueIsNeverReportedUnchanged(edit: Edit) throws {
        let store = try SQLiteDirectory(path: Fixture.storePath(), makePassword: Fixture.passwords())
        let reference = InMemoryDirectory(makePassword: Fixture.passwords())
        for directory in [store as any Directory, reference] { _ = try directory.apply(Self.tenant) }
        let steps = [Self.original, edit, edit, Self.original]
        for (number, step) in steps.enumerated() {
            let batch = [Self.application(step)]
            let got = try #require(store.apply(users: batch).first).get()
            let expected = try #require(reference.apply(users: batch).first).get()
            #expect(got.change == expected.change, "step \(number + 1): user change")
            #expect(got.roleChange == expected.roleChange, "step \(number + 1): role change")
            #expect(
                try store.user(key: batch[0].user.key) == batch[0].user, "step \(number + 1): stored user")
            let role = try store.roleAssignment(of: batch[0].user.key)
            #expect(
                role?.role == batch[0].role.role && role?.subscription == batch[0].role.subscription,
                "step \(number + 1): stored role")
        }
    }

    @Test func aRowWithoutAFingerprintIsComparedInFull() throws {
        let path = Fixture.storePath()
        let store = try SQLiteDirectory(path: path, makePassword: Fixture.passwords())
        _ = try store.apply(Self.tenant)
        let batch = [Self.application(Self.original)]
        #expect(try store.apply(users: batch)[0].get().change == .created, "created")
        // A row written by hand (or by a tool that does not know the column) has no fingerprint.
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "UPDATE tenant_user SET fingerprint = NULL") }
        let again = try store.apply(users: batch)[0].get()
        #expect(again.change == .unchanged && again.roleChange == .unchanged, "unchanged, found the long way")
        let edited = try store.apply(users: [Self.application(Self.edits[2])])[0].get()
        #expect(edited.change == .updated([.firstName]), "a change is still found")
    }

    @Test func theSingleRowWritesKeepTheFingerprintCurrent() throws {
        let store = try SQLiteDirectory(path: Fixture.storePath(), makePassword: Fixture.passwords())
        _ = try store.apply(Self.tenant)
        let original = Self.application(Self.original)
        _ = try store.createUser(original.user, password: nil)
        try store.assignRole(original.role)
        #expect(
            try store.apply(users: [original])[0].get().change == .unchanged, "after createUser, assignRole")
        let renamed = Self.application(Self.edits[4])
        try store.updateUser(renamed.user)
        let results = store.apply(users: [original, renamed])
        #expect(try results[0].get().change == .updated([.lastName]), "after updateUser: back to Smith")
        #expect(try results[1].get().change == .updated([.lastName]), "then Smyth again")
        let promoted = Self.application(Self.edits[11])
        try store.assignRole(promoted.role)
        let role = try store.apply(users: [renamed])[0].get()
        #expect(role.change == .unchanged && role.roleChange == .updated([.role]), "after assignRole")
    }
}
