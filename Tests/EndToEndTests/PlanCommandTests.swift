import Foundation
import Testing

/// `onboard plan` run as a program on every file in `samples/`, and on broken command lines.
struct PlanCommandTests {
    /// Expected outcome counts per sample users file, planned with `samples/customers.csv`:
    /// (file, format, read, created, rejected, conflict, duplicate, warnings).
    static let userSamples: [(String, String, Int, Int, Int, Int, Int, Int)] = [
        ("users.csv", "users", 206, 206, 0, 0, 0, 0),
        // Line 3's UPN is trimmed (a warning) and line 16's TRUE is a yes/no value: both go through.
        ("users-with-errors.csv", "users", 19, 6, 13, 0, 0, 1),
        ("users-duplicates.csv", "users", 18, 10, 3, 3, 5, 4),
        ("users-excel.csv", "users", 14, 14, 0, 0, 0, 0),
        ("users-portal-template.csv", "portal-bulk-create", 18, 18, 0, 0, 0, 0),
        ("users-admin-center.csv", "admin-center", 12, 12, 0, 0, 0, 0),
        ("users-unicode-text.txt", "users", 10, 10, 0, 0, 0, 0),
    ]

    static func sample(_ name: String) -> String {
        OnboardProcess.packageRoot.appendingPathComponent("samples/\(name)").path
    }

    /// Runs `onboard plan` with `arguments` plus `--out` in a fresh folder; returns the run and summary.json.
    func plan(_ arguments: [String]) throws -> (OnboardRun, [String: Any]?, URL) {
        let folder = try OnboardProcess.temporaryFolder()
        let out = folder.appendingPathComponent("plan")
        let run = try OnboardProcess.run(["plan"] + arguments + ["--out", out.path])
        let data = try? Data(contentsOf: out.appendingPathComponent("summary.json"))
        let summary = try data.flatMap { try JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        return (run, summary, folder)
    }

    func counts(_ summary: [String: Any]?, _ key: String) -> [String: Int] {
        summary?[key] as? [String: Int] ?? [:]
    }

    /// The six outcome counts add up to the rows read.
    func isBalanced(_ counts: [String: Int]) -> Bool {
        counts["read"]
            == ["created", "updated", "unchanged", "rejected", "duplicate"].reduce(0) {
                $0 + (counts[$1] ?? -1)
            }
    }

    @Test(arguments: userSamples)
    func plansEveryUsersSampleWithExactCounts(
        sample: (String, String, Int, Int, Int, Int, Int, Int)
    ) throws {
        let (name, format, read, created, rejected, conflict, duplicate, warnings) = sample
        let (run, summary, folder) = try plan([
            "--customers", Self.sample("customers.csv"), "--users", Self.sample(name),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run.status == (rejected > 0 ? 1 : 0), "exit status: \(run)")
        let users = counts(summary, "users")
        #expect(users["read"] == read, "\(name) read: \(users)")
        #expect(users["created"] == created, "\(name) created: \(users)")
        #expect(users["rejected"] == rejected, "\(name) rejected: \(users)")
        #expect(users["conflict"] == conflict, "\(name) conflicting: \(users)")
        #expect(users["duplicate"] == duplicate, "\(name) duplicate: \(users)")
        #expect(summary?["warnings"] as? Int == warnings, "\(name) warnings: \(run)")
        #expect(counts(summary, "customers")["created"] == 16, "the 16 sample customers")
        #expect(isBalanced(counts(summary, "rows")), "sum rule: \(counts(summary, "rows"))")
        let files = summary?["files"] as? [[String: Any]]
        #expect(files?.last?["format"] as? String == format, "\(name) detected as \(format)")
        #expect(
            run.stdout.contains("Total: \(16 + read) read, \(16 + created) to create"), "totals line: \(run)")
    }

    @Test func plansTheCustomersSampleWithErrors() throws {
        let (run, summary, folder) = try plan(["--customers", Self.sample("customers-with-errors.csv")])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run.status == 1, "rows rejected: \(run)")
        let customers = counts(summary, "customers")
        #expect(
            customers == [
                "read": 14, "created": 4, "updated": 0, "unchanged": 0, "rejected": 9, "duplicate": 1,
                "conflict": 1,
            ],
            "\(customers)")
        #expect(counts(summary, "rows") == customers, "no users: rows are the customers")
        #expect(
            run.stdout.contains(
                "customers-with-errors.csv:4: contact_email: The e-mail address \"info(at)elektro-jansen.de\""
            ),
            "FILE:LINE: FIELD: message: \(run.stdout)")
        #expect(run.stdout.contains("customers-with-errors.csv:14: duplicate of "), "the duplicate is listed")
        let rejects = try String(
            contentsOf: folder.appendingPathComponent("plan/rejects/customers-with-errors.rejects.csv"),
            encoding: .utf8)
        #expect(rejects.split(separator: "\r\n").count == 1 + 9, "header + 9 rejected rows:\n\(rejects)")
    }

    @Test func theExcelSamplesDelimiterAndEncodingAreInTheSummary() throws {
        let (_, summary, folder) = try plan([
            "--customers", Self.sample("customers.csv"), "--users", Self.sample("users-unicode-text.txt"),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = (summary?["files"] as? [[String: Any]])?.last
        #expect(file?["delimiter"] as? String == "\\t", "tab: \(String(describing: file))")
        #expect(file?["encoding"] as? String == "utf-16le", "UTF-16LE: \(String(describing: file))")
    }

    @Test func rejectsFedBackAsTheyAreAreReadWithoutWarnings() throws {
        let (first, _, folder) = try plan([
            "--customers", Self.sample("customers.csv"), "--users", Self.sample("users-with-errors.csv"),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(first.status == 1, "\(first)")
        let rejects = folder.appendingPathComponent("plan/rejects/users-with-errors.rejects.csv").path
        let (again, summary, other) = try plan([
            "--customers", Self.sample("customers.csv"), "--users", rejects,
        ])
        defer { try? FileManager.default.removeItem(at: other) }
        #expect(again.status == 1, "the same rows are still wrong: \(again)")
        #expect(
            counts(summary, "users")["rejected"] == 13 && counts(summary, "users")["read"] == 13, "\(again)")
        #expect(
            !again.stdout.contains("not used by onboard"), "line and reason are not unknown columns: \(again)"
        )
        #expect(again.stdout.contains("=HYPERLINK"), "the formula guard was dropped on reading: \(again)")
    }

    @Test(
        arguments: [
            ([String](), 64, "Give --customers FILE, --users FILE, or both."),
            (
                ["--users", "/nonexistent/users.csv"], 66,
                "onboard: error: /nonexistent/users.csv: no such file; check the path"
            ),
            (
                ["--users", sample("customers.csv")], 65,
                "this looks like onboard's customers.csv, not what was asked for here; pass it with --customers"
            ),
            (["--customers", sample("README.md")], 65, "the header matches none of the known formats"),
        ])
    func unusableCommandLinesAndFilesHaveTheirExitStatus(arguments: [String], status: Int32, message: String)
        throws
    {
        let (run, summary, folder) = try plan(arguments)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run.status == status, "\(run)")
        #expect(run.stderr.contains(message), "\(run)")
        #expect(summary == nil, "no summary for a plan that was not made")
    }

    @Test func unknownColumnsGetOneWarningPerFile() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let users = folder.appendingPathComponent("users.csv")
        try Data(
            """
            User Principal Name,Display-Name,Shoe size,Favourite colour
            sabine.mueller@muellersoehne.de,Sabine,38,blue
            anna.schroeder@muellersoehne.de,Anna,40,red

            """.utf8
        ).write(to: users)
        let (run, summary, out) = try plan([
            "--customers", Self.sample("customers.csv"), "--users", users.path,
        ])
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(run.status == 0, "\(run)")
        let warnings = run.stdout.split(separator: "\n").filter { $0.contains("not used by onboard") }
        #expect(
            warnings == [
                "\(users.path): warning: columns not used by onboard (ignored): \"Shoe size\", \"Favourite colour\""
            ],
            "one line naming both: \(run)")
        #expect(summary?["warnings"] as? Int == 1, "counted once")
    }
}
