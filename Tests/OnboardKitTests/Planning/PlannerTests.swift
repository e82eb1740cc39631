import CSVStream
import Foundation
import OnboardCore
import Testing

@testable import OnboardKit

/// `Planner` on real files in a temporary folder: counts, rejects files, the directory comparison.
struct PlannerTests {
    static let customers = """
        domain_prefix,company,country,contact_first_name,contact_last_name,contact_email,dr_mode,domains
        contoso,Contoso Ltd,DE,Anna,Schmidt,anna@contoso.de,managed,contoso.de
        fabrikam,Fabrikam Inc,US,Bob,Jones,bob@fabrikam.com,self-service,

        """

    /// A temporary folder holding `files`, removed after `body`.
    @discardableResult
    func withFiles<T>(_ files: [String: String], _ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "planner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return try body(folder)
    }

    func plan(
        _ folder: URL, customers: String? = "customers.csv", users: String?, out: String = "out",
        directory: any Directory = InMemoryDirectory()
    ) throws -> PlanReport {
        try Planner(directory: directory).plan(
            PlanRequest(
                customersPath: customers.map { folder.appendingPathComponent($0).path },
                usersPath: users.map { folder.appendingPathComponent($0).path },
                outputDirectory: folder.appendingPathComponent(out).path))
    }

    /// Every record of a CSV file, header included.
    func records(_ path: String) throws -> [[String]] {
        let reader = try CSVReader(path: path)
        var rows: [[String]] = []
        while let next = try reader.next() { rows.append(try next.get().fields) }
        return rows
    }

    @Test func countsEveryRowOnceAndWritesTheSummary() throws {
        let users = """
            tenant,user_principal_name,display_name,role,password
            contoso,alice@contoso.de,Alice,Reader,
            contoso,ALICE@contoso.de,Alice,reader,
            contoso,alice@contoso.de,Alice B,Reader,
            contoso,bob@contoso.de,Bob,Owner,
            fabrikam,carol@fabrikam.onmicrosoft.com,Carol,Owner,Str0ng!Passw0rd
            """
        try withFiles(["customers.csv": Self.customers, "users.csv": users]) { folder in
            let report = try plan(folder, users: "users.csv")
            #expect(
                report.customers.read == 2 && report.customers.created == 2, "customers: \(report.customers)")
            #expect(report.users.read == 5, "users read")
            #expect(report.users.created == 2, "alice and carol")
            #expect(report.users.duplicate == 1, "ALICE@ is alice with the same data")
            #expect(
                report.users.rejected == 2 && report.users.conflict == 1, "Alice B conflicts, bob is Owner")
            #expect(report.rows.isBalanced, "sum rule: \(report.rows)")
            let json =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: folder.appendingPathComponent("out/summary.json")))
                as? [String: Any]
            let rows = json?["rows"] as? [String: Int]
            #expect(
                rows?["read"] == 7 && rows?["rejected"] == 2 && rows?["duplicate"] == 1,
                "summary rows: \(rows ?? [:])")
            let files = json?["files"] as? [[String: Any]]
            #expect(
                files?.map { $0["format"] as? String } == ["customers", "users"], "formats in the summary")
        }
    }

    @Test func rejectsRoundTripThroughTheIntakeAsTheyAre() throws {
        let users = """
            tenant,user_principal_name,display_name,job_title,role,password
            contoso,alice@contoso.de,Alice,=cmd(),Admin,Secr3t!Passw0rd
            contoso,bob@contoso.de,Bob,+49 30 1234,Reader,
            """
        try withFiles(["customers.csv": Self.customers, "users.csv": users]) { folder in
            let first = try plan(folder, users: "users.csv")
            #expect(first.users.rejected == 1, "alice's role is unknown")
            let rejectsPath = folder.appendingPathComponent("out/rejects/users.rejects.csv").path
            let written = try String(contentsOfFile: rejectsPath, encoding: .utf8)
            #expect(!written.contains("Secr3t"), "no password in a rejects file")
            #expect(written.contains("'=cmd()"), "the formula is guarded")
            let rows = try records(rejectsPath)
            #expect(
                rows[0] == [
                    "tenant", "user_principal_name", "display_name", "job_title", "role", "password", "line",
                    "reason",
                ],
                "the input's header plus line and reason")
            #expect(
                Array(rows[1][0...5]) == ["contoso", "alice@contoso.de", "Alice", "'=cmd()", "Admin", ""],
                "row")
            #expect(rows[1][6] == "2", "line")
            #expect(
                rows[1][7].contains("[role.unknown]") && rows[1][7].contains("[password.removed]"),
                "\(rows[1][7])")

            // Fed back as it is: the same rejection, and line/reason are not unknown columns.
            try FileManager.default.copyItem(
                atPath: rejectsPath, toPath: folder.appendingPathComponent("again.csv").path)
            let again = try plan(folder, users: "again.csv", out: "out2")
            #expect(again.users.rejected == 1 && again.users.read == 1, "same row, same outcome")
            #expect(again.files[1].unknownColumns.isEmpty, "line and reason are ignored silently")
            #expect(again.rejectedLines.first?.contains("role") == true, "\(again.rejectedLines)")

            // Fixed in place (role corrected), it goes through, the formula guard dropped on reading.
            let fixed = try String(contentsOfFile: rejectsPath, encoding: .utf8).replacingOccurrences(
                of: ",Admin,", with: ",Reader,")
            try Data(fixed.utf8).write(to: folder.appendingPathComponent("fixed.csv"))
            let last = try plan(folder, users: "fixed.csv", out: "out3")
            #expect(last.users.created == 1 && last.users.rejected == 0, "\(last.rejectedLines)")
        }
    }

    @Test func aPortalTemplatesRejectsKeepItsVersionLine() throws {
        let portal = """
            version:v1.0
            Name [displayName] Required,User name [userPrincipalName] Required,Initial password [passwordProfile] Required,Block sign in (Yes/No) [accountEnabled] Required
            Ann,ann@contoso.de,Tq7#vLm2pX9!,No
            Ben,ben@contoso.de,,Perhaps
            """
        try withFiles(["customers.csv": Self.customers, "portal.csv": portal]) { folder in
            let report = try plan(folder, users: "portal.csv")
            #expect(report.files[1].format == .portalBulkCreate, "format")
            #expect(report.users.created == 1 && report.users.rejected == 1, "\(report.users)")
            let rows = try records(folder.appendingPathComponent("out/rejects/portal.rejects.csv").path)
            #expect(rows[0] == ["version:v1.0"], "the version line first")
            #expect(
                rows[1].suffix(2) == ["line", "reason"], "then the template's header plus line and reason")
            #expect(rows[2][4] == "4", "line 4 of the input")
        }
    }

    @Test func comparesWithTheDirectoryThroughTheCore() throws {
        let directory = InMemoryDirectory()
        try withFiles([
            "customers.csv": Self.customers,
            "users.csv": "user_principal_name,display_name\nalice@contoso.de,Alice\n",
        ]) { folder in
            // Put the same customers and user in the directory first.
            for prefix in ["contoso", "fabrikam"] {
                let tenant = IntakeFixtures.tenant(
                    prefix == "contoso"
                        ? ["company": "Contoso Ltd", "language": "", "domains": "contoso.de"]
                        : [
                            "domain_prefix": "fabrikam", "company": "Fabrikam Inc", "country": "US",
                            "contact_first_name": "Bob", "contact_last_name": "Jones",
                            "contact_email": "bob@fabrikam.com",
                            "language": "", "dr_mode": "self-service", "domains": "",
                        ])
                _ = try directory.apply(tenant)
            }
            let contoso = try #require(try directory.tenant(prefix: DomainPrefix.parse("contoso")))
            let user = try contoso.makeUser(
                UserDraft(
                    userPrincipalName: UserPrincipalName.parse("alice@contoso.de"),
                    displayName: DisplayName.parse("Alice")))
            _ = try directory.apply(
                user, role: contoso.assign(.reader, to: user, policy: OnboardingPolicy()), password: nil)

            let same = try plan(folder, users: "users.csv", directory: directory)
            #expect(
                same.customers.unchanged == 2,
                "customers as in the directory: \(same.customers) \(same.rejectedLines)")
            #expect(
                same.users.unchanged == 1, "alice as in the directory: \(same.users) \(same.rejectedLines)")

            try Data(Self.customers.replacingOccurrences(of: "Contoso Ltd", with: "Contoso GmbH").utf8)
                .write(to: folder.appendingPathComponent("customers.csv"))
            try Data("user_principal_name,display_name,role\nalice@contoso.de,Alice,Contributor\n".utf8)
                .write(to: folder.appendingPathComponent("users.csv"))
            let changed = try plan(folder, users: "users.csv", out: "out2", directory: directory)
            #expect(
                changed.customers.updated == 1 && changed.customers.unchanged == 1,
                "company changed: \(changed.customers)")
            #expect(changed.users.updated == 1, "role changed: \(changed.users)")
        }
    }

    @Test func aFileWithoutARequiredColumnStopsThePlan() throws {
        try withFiles(["customers.csv": Self.customers, "users.csv": "tenant,display_name\ncontoso,Alice\n"])
        { folder in
            do {
                _ = try plan(folder, users: "users.csv")
                Issue.record("a users file without user_principal_name was planned")
            } catch let error as PlanError {
                #expect(error.kind == .unusableInput, "kind")
                #expect(error.path.hasSuffix("users.csv:1"), "file and header line: \(error.path)")
                #expect(
                    error.message
                        == "the header lacks the required column \"user_principal_name\"; it looks like "
                        + "onboard's users.csv; found: \"tenant\", \"display_name\"", "exact message")
            }
        }
    }

    @Test func aMissingFileIsItsOwnError() throws {
        try withFiles([:]) { folder in
            #expect(
                throws: PlanError(
                    .missingFile, path: folder.appendingPathComponent("nope.csv").path,
                    message: "no such file; check the path")
            ) {
                _ = try plan(folder, customers: nil, users: "nope.csv")
            }
        }
    }

    @Test func aRowWithTheWrongFieldCountIsRejectedNamingBothCounts() throws {
        try withFiles([
            "customers.csv": Self.customers,
            "users.csv": "user_principal_name,display_name\nalice@contoso.de,Alice,extra\n",
        ]) { folder in
            let report = try plan(folder, users: "users.csv")
            #expect(report.users.rejected == 1, "rejected")
            #expect(
                report.rejectedLines.first?.contains("The row has 3 fields but the header has 2") == true,
                "\(report.rejectedLines)")
        }
    }
}
