import BenchmarkSupport
import Foundation
import Testing

@testable import onboard_bench

struct ImportBenchmarkReportTests {
    /// An import of `users` generated users that took `seconds` and peaked at `rssMB`.
    func run(users: Int, seconds: Double, rssMB: Double = 50, created: Int = 0, unchanged: Int = 0)
        throws -> ImportRun
    {
        let json = """
            {"customers": {"read": 11, "created": 10, "rejected": 1}, "users": {"read": \(users), \
            "created": \(created), "unchanged": \(unchanged), "rejected": 5, "duplicate": 2}, "retries": 0, "accountsDelivered": 7}
            """
        return ImportRun(
            label: "\(users) users", inputUsers: users, command: ["onboard", "import"],
            run: ChildRun(
                wallSeconds: seconds, cpuSeconds: seconds, peakRSSBytes: Int(rssMB * 1_000_000), output: "",
                exitStatus: 1),
            summary: try ImportSummary(json: Data(json.utf8)), loadBefore: "1.00 1.00 1.00")
    }

    @Test func summaryCountsEveryRowOfBothFiles() throws {
        let imported = try run(users: 100, seconds: 2, created: 93)
        #expect(imported.rows == 11 + 100, "11 customers and 100 users read: \(imported.rows)")
        #expect(imported.rowsPerSecond == 55.5, "111 rows in 2 s: \(imported.rowsPerSecond)")
        #expect(imported.summary.accountsDelivered == 7, "accountsDelivered is read")
    }

    @Test func summaryWithoutUsersIsRefused() {
        #expect(throws: ImportSummaryError.self, "a summary without `users` is not a finished import") {
            try ImportSummary(json: Data(#"{"customers": {}}"#.utf8))
        }
    }

    @Test func storeTargetsPassAndMissOnTheMillionUserRuns() throws {
        var report = ImportBenchmarkReport(latencyMs: 20, storeJobs: 8)
        report.newStore = [
            try run(users: 1_000_000, seconds: 9.5, rssMB: 120), try run(users: 2_000_000, seconds: 30),
        ]
        report.sameAgain = [try run(users: 1_000_000, seconds: 3.5)]
        let line = report.targetsLine
        #expect(line.contains("<= 10 s: PASS (9.50 s)"), "9.5 s meets 10 s: \(line)")
        #expect(line.contains("peak RSS <= 100 MB: MISS (120.0 MB)"), "120 MB misses 100 MB: \(line)")
        #expect(line.contains("again (unchanged) <= 3 s: MISS (3.50 s)"), "3.5 s misses 3 s: \(line)")
        #expect(!line.contains("30.00"), "the 2M run is not held to the 1M targets: \(line)")
    }

    @Test(arguments: [(2.0, "PASS (81.3 %)"), (2.5, "MISS (65.0 %)")])
    func directoryTargetIsTheShareOfJobsOverLatency(seconds: Double, verdict: String) throws {
        var report = ImportBenchmarkReport(latencyMs: 20, storeJobs: 8)
        // 2,600 calls at 32 jobs × 50 calls/s per job = 1,600 calls/s ideal: 1.625 s at best.
        report.callCounts[2_000] = 2_600
        report.directory = [DirectoryRun(jobs: 32, run: try run(users: 2_000, seconds: seconds))]
        #expect(report.targetsLine.contains(verdict), "\(seconds) s gives \(verdict): \(report.targetsLine)")
    }

    @Test func directoryTargetIsNotJudgedWithoutACallCount() throws {
        var report = ImportBenchmarkReport(latencyMs: 20, storeJobs: 8)
        report.directory = [DirectoryRun(jobs: 32, run: try run(users: 2_000, seconds: 2))]
        #expect(report.targetsLine.contains("not judged"), "no count, no verdict: \(report.targetsLine)")
    }

    @Test(arguments: [
        ("100.00    0.001234          12      8123           clock_nanosleep\n", 8123),
        (" 99.00    0.001234          12        40         3 nanosleep\n", 40),
        ("100.00    0.001234          12      8123           futex\n", 0),
        ("% time     seconds  usecs/call     calls    errors syscall\n", 0),
    ])
    func straceSummaryLinesGiveTheSleepCalls(line: String, calls: Int) {
        #expect(DirectoryCallCount.sleepCalls(inSummaryLine: line) == calls, "\(line.debugDescription)")
    }
}
