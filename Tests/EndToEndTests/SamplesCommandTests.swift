import Foundation
import Testing

struct SamplesCommandTests {
    @Test func writesTheFilesAndTheirExpectedCounts() throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("nested/samples").path
        let arguments = [
            "samples", "--out", out, "--customers", "12", "--users", "300", "--error-rate", "0.1",
            "--duplicate-rate", "0.05", "--seed", "2026",
        ]
        let run = try OnboardProcess.run(arguments)
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout
                == "wrote \(out)/customers.csv (12 rows), \(out)/users.csv (300 rows), \(out)/expected.json\n",
            "says what it wrote: \(run)")
        let expected = try String(contentsOfFile: out + "/expected.json", encoding: .utf8)
        #expect(
            expected == """
                {
                  "customers": {"rows": 12, "invalid": 1, "duplicate": 1, "conflict": 0},
                  "users": {"rows": 300, "invalid": 30, "duplicate": 12, "conflict": 3},
                  "seed": 2026
                }

                """, "the counts follow from the rates")
        let users = try Data(contentsOf: URL(fileURLWithPath: out + "/users.csv"))
        let again = try OnboardProcess.run(arguments)
        #expect(again.status == 0, "\(again)")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: out + "/users.csv")) == users,
            "running again with the same arguments writes the same bytes")
    }

    @Test(arguments: [
        (["--error-rate", "0.6", "--duplicate-rate", "0.5"], "leave no valid row among 10"),
        (["--error-rate", "1.5"], "must be between 0 and 1"),
    ])
    func refusesImpossibleRates(extra: [String], message: String) throws {
        let folder = try OnboardProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try OnboardProcess.run(
            ["samples", "--out", folder.path, "--customers", "10", "--users", "10"] + extra)
        #expect(run.status == 64, "a usage error: \(run)")
        #expect(run.stderr.contains(message), "explains the problem: \(run)")
    }
}
