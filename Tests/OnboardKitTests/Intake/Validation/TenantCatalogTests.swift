import OnboardCore
import Synchronization
import Testing

@testable import OnboardKit

/// `TenantCatalog`: this run's tenants first, then the directory's, each asked for once.
struct TenantCatalogTests {
    /// The in-memory directory, counting the tenant look-ups it answers.
    final class CountingTenantReads: Directory {
        let wrapped = InMemoryDirectory()
        let lookUps = Atomic(0)

        func tenant(prefix: DomainPrefix) -> CustomerTenant? {
            lookUps.add(1, ordering: .relaxed)
            return wrapped.tenant(prefix: prefix)
        }
        func tenant(owning domain: DomainName) -> CustomerTenant? {
            lookUps.add(1, ordering: .relaxed)
            return wrapped.tenant(owning: domain)
        }
        func tenants() -> [CustomerTenant] { wrapped.tenants() }
        func user(key: UserPrincipalName.Key) -> TenantUser? { wrapped.user(key: key) }
        func users(of tenant: DomainPrefix) -> [TenantUser] { wrapped.users(of: tenant) }
        func roleAssignment(of user: UserPrincipalName.Key) -> RoleAssignment? {
            wrapped.roleAssignment(of: user)
        }
        func recoveryRecord(of tenant: DomainPrefix) -> RecoveryRecord? { wrapped.recoveryRecord(of: tenant) }
        func createTenant(_ tenant: CustomerTenant) throws(DirectoryError) -> Secret {
            try wrapped.createTenant(tenant)
        }
        func updateTenant(_ tenant: CustomerTenant) throws(DirectoryError) {
            try wrapped.updateTenant(tenant)
        }
        func createUser(_ user: TenantUser, password: TemporaryPassword?) throws(DirectoryError) -> Secret {
            try wrapped.createUser(user, password: password)
        }
        func updateUser(_ user: TenantUser) throws(DirectoryError) { try wrapped.updateUser(user) }
        func assignRole(_ assignment: RoleAssignment) throws(DirectoryError) {
            try wrapped.assignRole(assignment)
        }
        func recordRecovery(_ record: RecoveryRecord) throws(DirectoryError) {
            try wrapped.recordRecovery(record)
        }
    }

    static let contoso = IntakeFixtures.tenant(["domains": "contoso.de"])

    @Test func aDirectoryTenantIsAskedForOnce() throws {
        let directory = CountingTenantReads()
        _ = try directory.apply(Self.contoso)
        let before = directory.lookUps.load(ordering: .relaxed)
        let catalog = TenantCatalog(directory: directory)
        let copy = catalog  // rows are checked against copies of the catalog
        for _ in 0..<3 {
            #expect(try catalog.tenant(Self.contoso.prefix) == Self.contoso, "by prefix")
            #expect(try copy.tenant(owning: DomainName.parse("contoso.de")) == Self.contoso, "by domain")
        }
        #expect(
            directory.lookUps.load(ordering: .relaxed) - before == 2, "one look-up by prefix, one by domain")
    }

    @Test func anUnknownTenantIsAskedForEachTimeAndNotKept() throws {
        let directory = CountingTenantReads()
        let catalog = TenantCatalog(directory: directory)
        let ghost = try DomainPrefix.parse("ghost")
        for _ in 0..<3 { #expect(try catalog.tenant(ghost) == nil, "no such tenant") }
        #expect(directory.lookUps.load(ordering: .relaxed) == 3, "nothing kept for a tenant not found")
        _ = try directory.apply(IntakeFixtures.tenant(["domain_prefix": "ghost", "domains": ""]))
        #expect(try catalog.tenant(ghost)?.prefix == ghost, "found once it exists")
    }

    @Test func theRunsOwnTenantComesFirst() throws {
        let directory = CountingTenantReads()
        _ = try directory.apply(Self.contoso)
        var catalog = TenantCatalog(directory: directory)
        #expect(
            try catalog.tenant(Self.contoso.prefix)?.company.rawValue == "Contoso Ltd",
            "the directory's first")
        let renamed = IntakeFixtures.tenant(["company": "Contoso GmbH", "domains": "contoso.de"])
        catalog.add(renamed)
        #expect(try catalog.tenant(Self.contoso.prefix) == renamed, "then the run's own, not the one kept")
        #expect(
            try catalog.tenant(owning: DomainName.parse("contoso.de")) == renamed, "its domains too")
    }
}
