import DirectoryStore
import Foundation
import OnboardCore
import Testing

@testable import OnboardKit

/// A plan looks users up a batch at a time: against the SQLite store (one read per batch, unchanged
/// rows settled by fingerprint) it must say exactly what it says against the in-memory directory,
/// whose look-up is the single-row one, across batch boundaries and in input order.
struct PlanRunUsersTests {
    /// contoso (managed) and fabrikam (self-service), as customers.csv gives them: the domain
    /// moved.com goes from fabrikam, where the directory has it and a user on it, to contoso.
    static let customers = """
        domain_prefix,company,country,contact_first_name,contact_last_name,contact_email,dr_mode,domains
        contoso,Contoso Ltd,DE,Anna,Schmidt,anna@contoso.de,managed,contoso.de;moved.com
        fabrikam,Fabrikam Inc,US,Bob,Jones,bob@fabrikam.com,self-service,fabrikam.com

        """

    /// The users the directories hold before the plan: `stored<n>@contoso.de` Readers, and
    /// carol@moved.com, a Reader of fabrikam.
    static let storedCount = 40

    /// A users.csv of `count` rows past the batch size, mixing stored and new users, with a
    /// repeated user within one batch and across a batch boundary, changed roles, another tenant's
    /// name, an unknown tenant and an invalid row.
    static func users(count: Int) -> String {
        var lines = ["tenant,user_principal_name,display_name,role"]
        for number in 0..<count {
            let stored = "stored\(number % storedCount)@contoso.de"
            switch number % 10 {
            case 0: lines.append("contoso,\(stored),Stored \(number % storedCount),Reader")  // unchanged
            case 1: lines.append("contoso,\(stored),Stored \(number % storedCount),Contributor")  // role
            case 2: lines.append("contoso,new\(number)@contoso.de,New \(number),Reader")
            case 3: lines.append("contoso,carol@moved.com,Carol,Reader")  // fabrikam's user
            case 4: lines.append("ghost,nobody\(number)@ghost.onmicrosoft.com,Nobody,Reader")  // no tenant
            case 5: lines.append("contoso,not a name,Broken,Reader")
            case 6: lines.append("contoso,new\(number - 4)@contoso.de,New \(number - 4),Reader")  // repeat
            case 7: lines.append("contoso,\(stored),Renamed \(number),Reader")  // display name changed
            default: lines.append("fabrikam,user\(number)@fabrikam.com,User \(number),Reader")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Fills `directory` with the two tenants as they were before the plan, and the stored users.
    static func populate(_ directory: any Directory) throws {
        let policy = OnboardingPolicy()
        let contoso = IntakeFixtures.tenant([
            "company": "Contoso Ltd", "language": "", "domains": "contoso.de",
        ])
        let fabrikam = IntakeFixtures.tenant([
            "domain_prefix": "fabrikam", "company": "Fabrikam Inc", "country": "US",
            "contact_first_name": "Bob", "contact_last_name": "Jones", "contact_email": "bob@fabrikam.com",
            "language": "", "dr_mode": "self-service", "domains": "fabrikam.com;moved.com",
        ])
        _ = try directory.apply(contoso)
        _ = try directory.apply(fabrikam)
        var users: [UserApplication] = []
        for number in 0..<storedCount {
            let user = try contoso.makeUser(
                UserDraft(
                    userPrincipalName: UserPrincipalName.parse("stored\(number)@contoso.de"),
                    displayName: DisplayName.parse("Stored \(number)")))
            users.append(
                UserApplication(user: user, role: try contoso.assign(.reader, to: user, policy: policy)))
        }
        let carol = try fabrikam.makeUser(
            UserDraft(
                userPrincipalName: UserPrincipalName.parse("carol@moved.com"),
                displayName: DisplayName.parse("Carol")))
        users.append(
            UserApplication(user: carol, role: try fabrikam.assign(.reader, to: carol, policy: policy)))
        for item in users { _ = try directory.apply(item.user, role: item.role, password: nil) }
    }

    /// Plans `users` (and the customers, unless `withCustomers` is false) against `directory` in
    /// `folder/out`; returns the report and its rejects file.
    func plan(_ folder: URL, directory: any Directory, withCustomers: Bool, out: String) throws
        -> (report: PlanReport, rejects: String)
    {
        let report = try Planner(directory: directory).plan(
            PlanRequest(
                customersPath: withCustomers ? folder.appendingPathComponent("customers.csv").path : nil,
                usersPaths: [folder.appendingPathComponent("users.csv").path],
                outputDirectory: folder.appendingPathComponent(out).path))
        let rejects = try String(
            contentsOf: folder.appendingPathComponent(out + "/rejects/users.rejects.csv"), encoding: .utf8)
        return (report, rejects)
    }

    @Test(arguments: [true, false])
    func aPlanAgainstTheStoreSaysWhatTheSingleRowLookUpsSay(withCustomers: Bool) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "plan-users-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = 1037
        try #require(PlanRun.lookUpBatchSize * 2 < rows, "the input spans at least three batches")
        try Data(Self.customers.utf8).write(to: folder.appendingPathComponent("customers.csv"))
        try Data(Self.users(count: rows).utf8).write(to: folder.appendingPathComponent("users.csv"))
        let store = try SQLiteDirectory(path: folder.appendingPathComponent("store/directory.sqlite").path)
        let reference = InMemoryDirectory()
        try Self.populate(store)
        try Self.populate(reference)

        let fast = try plan(folder, directory: store, withCustomers: withCustomers, out: "store")
        let slow = try plan(folder, directory: reference, withCustomers: withCustomers, out: "memory")
        #expect(
            fast.report.users == slow.report.users,
            "user counts: \(fast.report.users) vs \(slow.report.users)")
        #expect(fast.report.tenants == slow.report.tenants, "per-tenant lines")
        #expect(fast.report.rejectedLines == slow.report.rejectedLines, "rejected rows, in input order")
        #expect(fast.report.duplicateLines == slow.report.duplicateLines, "duplicate rows, in input order")
        #expect(fast.report.warningLines == slow.report.warningLines, "warnings")
        #expect(fast.rejects == slow.rejects, "the rejects files, byte for byte")
        #expect(
            fast.report.text.replacingOccurrences(of: "/store", with: "/OUT")
                == slow.report.text.replacingOccurrences(of: "/memory", with: "/OUT"),
            "the printed plan (but for the output folder it names)")

        // And what they say is right, row by row of the pattern (104 rows of each of the kinds 0–6,
        // 103 of 7–9): 4 stored users unchanged and 4 with a new role (each repeated 25 times), 104
        // new ones (each then repeated), 4 renamed (then 99 conflicting renames), 206 new fabrikam
        // users; carol's, ghost's and the broken rows rejected.
        let users = fast.report.users
        var expected = PlanCounts()
        (expected.read, expected.created, expected.updated, expected.unchanged) = (1037, 310, 8, 4)
        (expected.rejected, expected.duplicate, expected.conflict) = (104 * 3 + 99, 100 + 100 + 104, 99)
        #expect(users == expected, "counts: \(users)")
        #expect(
            !withCustomers
                || fast.report.rejectedLines.contains {
                    $0.contains("users.csv:5:") && $0.contains("already exists in another tenant")
                },
            "line 5, carol's name, belongs to fabrikam")
        #expect(users.isBalanced, "sum rule: \(users)")
    }
}
