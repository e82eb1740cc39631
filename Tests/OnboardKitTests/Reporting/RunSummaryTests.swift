import Foundation
import OnboardCore
import Testing

@testable import OnboardKit

/// summary.json, tallied from the outcome stream, says per tenant what the plan says.
struct RunSummaryTests {
    @Test func tenantsOfTheSummaryAreThePlansTenants() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onboard-sum-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let customers = folder.appendingPathComponent("customers.csv")
        let users = folder.appendingPathComponent("users.csv")
        try Data(
            """
            domain_prefix,company,country,contact_first_name,contact_last_name,contact_email,dr_mode
            contoso,Contoso Ltd,DE,Anna,Schmidt,anna@contoso.de,managed
            contoso,Contoso Ltd,DE,Anna,Schmidt,anna@contoso.de,managed
            bad-prefix,Bad Ltd,DE,Anna,Schmidt,anna@bad.de,managed

            """.utf8
        ).write(to: customers)
        try Data(
            """
            tenant,user_principal_name,display_name
            contoso,ann@contoso.onmicrosoft.com,Ann
            fabrikam,bob@fabrikam.onmicrosoft.com,Bob
            nowhere,cy@nowhere.onmicrosoft.com,Cy
            fabrikam,bob@fabrikam.onmicrosoft.com,Bob

            """.utf8
        ).write(to: users)
        // fabrikam is only in the directory: its line comes from its users.
        let directory = InMemoryDirectory()
        _ = try directory.apply(
            IntakeFixtures.tenant([
                "domain_prefix": "fabrikam", "company": "Fabrikam Inc", "country": "US",
                "contact_first_name": "Bob",
                "contact_last_name": "Jones", "contact_email": "bob@fabrikam.com", "dr_mode": "self-service",
            ]))
        let planned = try PlannedReports(customers: customers.path, users: [users.path], directory: directory)
        let summary =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: planned.summaryPath)))
            as? [String: Any]
        let tenants = (summary?["tenants"] as? [[String: Any]] ?? []).map {
            "\($0["prefix"] ?? "") \($0["outcome"] ?? "-") \($0["inDirectory"] ?? "") \(($0["users"] as? [String: Int])?["read"] ?? -1)"
        }
        let expected = planned.report.tenants.map {
            "\($0.prefix) \($0.outcome?.rawValue ?? "-") \($0.isInDirectory ? 1 : 0) \($0.users.read)"
        }
        #expect(tenants == expected, "summary.json's tenants are the plan's: \(tenants) vs \(expected)")
        #expect(expected.count == 3, "contoso, fabrikam and the unknown tenant: \(expected)")
    }
}
