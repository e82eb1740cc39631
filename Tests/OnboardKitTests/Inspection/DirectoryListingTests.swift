import OnboardCore
import Testing

@testable import OnboardKit

/// What the listing commands show, on a directory other than the SQLite store.
struct DirectoryListingTests {
    @Test func tenantsOfAnyDirectoryAreCountedThroughThePort() throws {
        let directory = InMemoryDirectory()
        let tenant = IntakeFixtures.tenant(["domain_prefix": "contoso", "company": "Contoso\u{1B}[31m Ltd"])
        _ = try directory.createTenant(tenant)
        let rows = try DirectoryListing.tenants(in: directory)
        #expect(rows.map(\.users) == [1], "the default admin counts: \(rows)")
        #expect(
            DirectoryListing.table(rows) == """
                PREFIX   COMPANY           COUNTRY  DR MODE  USERS
                contoso  Contoso?[31m Ltd  DE       managed      1

                """, "a control character cannot reach the terminal")
        #expect(
            DirectoryListing.json(rows)
                == "[\n{\"prefix\":\"contoso\",\"company\":\"Contoso\\u001b[31m Ltd\",\"country\":\"DE\","
                + "\"disasterRecoveryMode\":\"managed\",\"users\":1}\n]\n", "JSON escapes it")
    }

    @Test func anEmptyDirectoryListsAnEmptyArray() throws {
        #expect(DirectoryListing.json(try DirectoryListing.tenants(in: InMemoryDirectory())) == "[]\n", "[]")
    }

    @Test func usersOfAnUnknownTenantThrowUnknownTenant() throws {
        let prefix = try DomainPrefix.parse("northwind")
        #expect(throws: DirectoryError.unknownTenant(prefix), "unknown tenant") {
            try DirectoryListing.users(of: prefix, in: InMemoryDirectory())
        }
    }
}
