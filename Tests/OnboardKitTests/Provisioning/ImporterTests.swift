import DirectoryStore
import Foundation
import OnboardCore
import Testing

@testable import OnboardKit

/// The importer against in-memory and simulated directories: retries, failures, counts.
struct ImporterTests {
    static func sample(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples/\(name)")
            .path
    }

    /// Writes `customers` and `users` into `folder` as its input files; returns their paths.
    static func inputs(in folder: URL, customers: String, users: String) throws -> (customers: String, users: String) {
        let paths = (
            customers: folder.appendingPathComponent("customers.csv").path,
            users: folder.appendingPathComponent("users.csv").path
        )
        try customers.write(toFile: paths.customers, atomically: true, encoding: .utf8)
        try users.write(toFile: paths.users, atomically: true, encoding: .utf8)
        return paths
    }

    static func request(_ folder: URL, customers: String, users: String, jobs: Int = 8, attempts: Int = 5)
        -> ImportRequest
    {
        ImportRequest(
            plan: PlanRequest(
                customersPath: customers, usersPaths: [users],
                outputDirectory: folder.appendingPathComponent("out").path),
            jobs: jobs,
            retry: RetryPolicy(
                attempts: attempts, baseDelay: .milliseconds(1), maximumDelay: .milliseconds(4)))
    }

    @Test("transient failures are retried; every row ends in exactly one count", arguments: [1, 10])
    func retriesBalance(attempts: Int) throws {
        let folder = try OnboardProcessFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = InstrumentedDirectory(writeFailureRate: 0.2)
        let report = try Importer(directory: directory).run(
            Self.request(
                folder, customers: Self.sample("customers.csv"), users: Self.sample("users.csv"), jobs: 8,
                attempts: attempts))
        #expect(report.rows.read == 222, "every sample row read")
        #expect(report.rows.isBalanced, "every row in exactly one count: \(report.rows)")
        if attempts == 1 {
            #expect(report.retries == 0, "one attempt: no retries")
            #expect(report.rows.rejected > 0, "without retries, a 20% failure rate rejects rows")
            #expect(
                report.rejectedLines.contains { $0.contains("temporarily unavailable") },
                "the rejection says the directory was unavailable")
        } else {
            #expect(report.retries > 20, "a 20% failure rate makes many retries: \(report.retries)")
            #expect(report.rows.created == 222, "with 10 attempts every row goes through: \(report.rows)")
            #expect(report.rows.rejected == 0, "none rejected: \(report.rows)")
            #expect(
                report.accountsDelivered == 222,
                "each created account is on a sheet once: \(report.accountsDelivered)")
        }
    }

    @Test("a tenant the directory refuses is rejected with the reason, and so are its users")
    func permanentTenantFailure() throws {
        let folder = try OnboardProcessFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = InMemoryDirectory()
        // Another tenant already owns contoso.de, which the customer row claims.
        _ = try directory.apply(
            IntakeFixtures.tenant(["domain_prefix": "othertenant", "domains": "contoso.de"]))
        let (customers, users) = try Self.inputs(
            in: folder,
            customers: """
                domain_prefix,company,country,contact_first_name,contact_last_name,contact_email,domains
                contoso,Contoso Ltd,DE,Anna,Schmidt,anna@contoso.de,contoso.de
                fabrikam,Fabrikam GmbH,DE,Jonas,Weber,jonas@fabrikam.de,
                """,
            users: """
                tenant,user_principal_name,display_name,role
                contoso,alice@contoso.onmicrosoft.com,Alice Meyer,Contributor
                fabrikam,bob@fabrikam.onmicrosoft.com,Bob Braun,Reader
                contoso,carol@contoso.onmicrosoft.com,Carol Kurz,Reader
                """)
        let report = try Importer(directory: directory).run(
            Self.request(folder, customers: customers, users: users))
        #expect(
            report.customers.rejected == 1 && report.customers.created == 1,
            "contoso refused: \(report.customers)")
        #expect(
            report.users.rejected == 2 && report.users.created == 1,
            "contoso's two users refused: \(report.users)")
        #expect(
            report.rejectedLines.filter {
                $0.contains("Tenant contoso was not provisioned") && $0.contains("contoso.de")
            }
            .count == 2,
            "each user's line gives the tenant's reason: \(report.rejectedLines)")
        let rejects = try String(
            contentsOfFile: folder.appendingPathComponent("out/rejects/users.rejects.csv").path,
            encoding: .utf8)
        #expect(
            rejects.contains("alice@contoso") && rejects.contains("carol@contoso"), "both in the rejects file"
        )
        #expect(!rejects.contains("bob@fabrikam"), "fabrikam's user went through")
    }

    @Test(
        "into a store, tenants go in batches: a refused one leaves the others created and set up, and every delivery is on disk at the end",
        arguments: [1, 8])
    func storeTenantBatch(jobs: Int) throws {
        let folder = try OnboardProcessFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.sqlite").path
        let directory = try SQLiteDirectory(path: path)
        // Another tenant already owns contoso.de, which a customer row claims.
        _ = try directory.apply(
            IntakeFixtures.tenant(["domain_prefix": "othertenant", "domains": "contoso.de"]))
        let (customers, users) = try Self.inputs(
            in: folder,
            customers: """
                domain_prefix,company,country,contact_first_name,contact_last_name,contact_email,domains
                adatum,Adatum AG,DE,Jan,Berg,jan@adatum.de,
                contoso,Contoso Ltd,DE,Anna,Schmidt,anna@contoso.de,contoso.de
                fabrikam,Fabrikam GmbH,DE,Jonas,Weber,jonas@fabrikam.de,
                """,
            users: """
                tenant,user_principal_name,display_name,role
                contoso,alice@contoso.onmicrosoft.com,Alice Meyer,Contributor
                fabrikam,bob@fabrikam.onmicrosoft.com,Bob Braun,Reader
                adatum,carol@adatum.onmicrosoft.com,Carol Kurz,Reader
                """)
        let report = try Importer(directory: directory).run(
            Self.request(folder, customers: customers, users: users, jobs: jobs))
        #expect(
            report.customers.rejected == 1 && report.customers.created == 2,
            "contoso refused, the others created: \(report.customers)")
        #expect(
            report.users.rejected == 1 && report.users.created == 2,
            "contoso's user refused with it: \(report.users)")
        for prefix in ["adatum", "fabrikam"] {
            let record = try directory.recoveryRecord(of: DomainPrefix.parse(prefix))
            #expect(record?.completedSteps == RecoveryStep.allCases, "\(prefix)'s set-up recorded complete")
        }
        #expect(try directory.tenant(prefix: DomainPrefix.parse("contoso")) == nil, "contoso not created")
        let partner = try String(
            contentsOfFile: folder.appendingPathComponent("out/credentials/partner-only.csv").path,
            encoding: .utf8)
        #expect(
            partner.split(whereSeparator: \.isNewline).count == 1 + 2 * 3,
            "a header and three secrets per set-up: \(partner)")
        // The store's queued delivery records were written before the import returned: another
        // connection to the file sees them.
        let reopened = try SQLiteDirectory(path: path)
        #expect(try reopened.undeliveredAccounts().isEmpty, "every account is recorded as delivered")
        #expect(report.passwordsReset == 1, "the admin made before the import (never delivered) was reset")
        #expect(
            try reopened.deliveredDigests().count == 5, "that admin, the two new admins and the two users")
    }

    @Test("a user name that belongs to another tenant is refused, without naming that tenant")
    func foreignTenantUserRefused() throws {
        let folder = try OnboardProcessFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = try SQLiteDirectory(path: folder.appendingPathComponent("s.sqlite").path)
        let customers = folder.appendingPathComponent("customers.csv").path
        let first = folder.appendingPathComponent("first.csv").path
        let second = folder.appendingPathComponent("second.csv").path
        try """
        domain_prefix,company,country,contact_first_name,contact_last_name,contact_email,domains
        contoso,Contoso Ltd,DE,Anna,Schmidt,anna@contoso.de,shared.de
        fabrikam,Fabrikam GmbH,DE,Jonas,Weber,jonas@fabrikam.de,
        """.write(toFile: customers, atomically: true, encoding: .utf8)
        try "tenant,user_principal_name,display_name\ncontoso,alice@shared.de,Alice Meyer\n"
            .write(toFile: first, atomically: true, encoding: .utf8)
        // The same name again, for fabrikam, in a later import.
        try "tenant,user_principal_name,display_name\nfabrikam,alice@shared.de,Alice Meyer\n"
            .write(toFile: second, atomically: true, encoding: .utf8)
        _ = try Importer(directory: directory).run(Self.request(folder, customers: customers, users: first))
        var request = Self.request(folder, customers: customers, users: second)
        request.plan.outputDirectory = folder.appendingPathComponent("second").path
        let report = try Importer(directory: directory).run(request)
        #expect(report.users.rejected == 1, "the user of another tenant is refused: \(report.users)")
        let line = try #require(report.rejectedLines.first, "a reason is given")
        #expect(!line.contains("contoso"), "the reason does not name the other tenant: \(line)")
        #expect(
            try directory.user(key: UserPrincipalName.parse("alice@shared.de").key)?.tenant.rawValue
                == "contoso",
            "alice stays contoso's")
    }

    @Test("a second import of the same files changes nothing and hands out no password")
    func idempotentInMemory() throws {
        let folder = try OnboardProcessFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = try SQLiteDirectory(path: folder.appendingPathComponent("s.sqlite").path)
        let request = Self.request(
            folder, customers: Self.sample("customers.csv"), users: Self.sample("users.csv"))
        let first = try Importer(directory: directory).run(request)
        #expect(first.rows.created == 222, "first import creates: \(first.rows)")
        var again = request
        again.plan.outputDirectory = folder.appendingPathComponent("again").path
        let second = try Importer(directory: directory).run(again)
        #expect(second.rows.unchanged == 222, "second import unchanged: \(second.rows)")
        #expect(
            second.accountsDelivered == 0 && second.passwordsReset == 0, "no password handed out or reset")
        let partner = folder.appendingPathComponent("again/credentials/partner-only.csv").path
        #expect(
            !FileManager.default.fileExists(atPath: partner), "recovery set-up not redone: no partner secrets"
        )
        let records = try directory.tenants().map { try directory.recoveryRecord(of: $0.prefix) }
        #expect(
            records.allSatisfy { $0?.completedSteps == RecoveryStep.allCases },
            "every tenant's recovery set-up is recorded complete")
    }
}

