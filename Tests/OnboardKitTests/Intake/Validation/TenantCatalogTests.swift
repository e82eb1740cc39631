import OnboardCore
import Testing

@testable import OnboardKit

/// `TenantCatalog`: this run's tenants first, then the directory's, each asked for once.
struct TenantCatalogTests {
    static let contoso = IntakeFixtures.tenant(["domains": "contoso.de"])

    @Test func aDirectoryTenantIsAskedForOnce() throws {
        let directory = InstrumentedDirectory()
        _ = try directory.apply(Self.contoso)
        let before = directory.tenantLookUps.load(ordering: .relaxed)
        let catalog = TenantCatalog(directory: directory)
        let copy = catalog  // rows are checked against copies of the catalog
        for _ in 0..<3 {
            #expect(try catalog.tenant(Self.contoso.prefix) == Self.contoso, "by prefix")
            #expect(try copy.tenant(owning: DomainName.parse("contoso.de")) == Self.contoso, "by domain")
        }
        #expect(
            directory.tenantLookUps.load(ordering: .relaxed) - before == 2, "one look-up by prefix, one by domain")
    }

    @Test func anUnknownTenantIsAskedForEachTimeAndNotKept() throws {
        let directory = InstrumentedDirectory()
        let catalog = TenantCatalog(directory: directory)
        let ghost = try DomainPrefix.parse("ghost")
        for _ in 0..<3 { #expect(try catalog.tenant(ghost) == nil, "no such tenant") }
        #expect(directory.tenantLookUps.load(ordering: .relaxed) == 3, "nothing kept for a tenant not found")
        _ = try directory.apply(IntakeFixtures.tenant(["domain_prefix": "ghost", "domains": ""]))
        #expect(try catalog.tenant(ghost)?.prefix == ghost, "found once it exists")
    }

    @Test func theRunsOwnTenantComesFirst() throws {
        let directory = InstrumentedDirectory()
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
