import Testing

@testable import OnboardKit

/// The exit status of a run: rejected rows, the reject-rate limit and a signal weighed in one place.
struct RunVerdictTests {
    static func rows(read: Int, rejected: Int) -> PlanCounts {
        var counts = PlanCounts()
        counts.read = read
        counts.rejected = rejected
        counts.created = read - rejected
        return counts
    }

    @Test(
        "the verdict on rows read, rejected and the limit",
        arguments: [
            // read, rejected, limit (share), exit status
            (100, 0, nil, Int32(0)),
            (100, 1, nil, 1),
            (100, 5, 0.05, 0),  // at the limit: tolerated
            (100, 6, 0.05, 1),  // above it
            (100, 1, 0.0, 1),  // a zero limit tolerates nothing
            (100, 100, 1.0, 0),  // a limit of 100 % tolerates everything
            (0, 0, 0.0, 0),  // nothing read, nothing rejected
        ] as [(Int, Int, Double?, Int32)])
    func verdict(read: Int, rejected: Int, limit: Double?, status: Int32) {
        let verdict = RunVerdict(rows: Self.rows(read: read, rejected: rejected), maxRejectRate: limit)
        #expect(
            verdict.exitStatus == status,
            "\(rejected) of \(read) rejected, limit \(String(describing: limit)): \(verdict)")
    }

    @Test func aSignalWinsOverRejectedRows() {
        let verdict = RunVerdict(
            rows: Self.rows(read: 10, rejected: 9), signal: .terminate, maxRejectRate: 0.1)
        #expect(verdict == .interrupted(.terminate), "interrupted, whatever was rejected")
        #expect(verdict.exitStatus == 143, "128 + SIGTERM")
        #expect(
            verdict.message
                == "interrupted by SIGTERM: the reports cover the rows read until then; run the same command again to finish",
            "says what the reports hold and what to do: \(String(describing: verdict.message))")
    }

    @Test func aRateAboveTheLimitSaysHowManyAndTheLimit() {
        let verdict = RunVerdict(rows: Self.rows(read: 200, rejected: 25), maxRejectRate: 0.1)
        #expect(verdict == .rejectRateExceeded(rejected: 25, read: 200, limit: 0.1), "above the limit")
        #expect(
            verdict.message
                == "25 of 200 rows read were rejected (12.5 %), above the limit of 10 % (--max-reject-rate); see the rejects files",
            "one line with the numbers: \(String(describing: verdict.message))")
        #expect(RunVerdict(rows: Self.rows(read: 10, rejected: 1)).message == nil, "the report says it all")
    }

    @Test(
        "--max-reject-rate takes a percentage",
        arguments: [
            ("5", 0.05), ("5%", 0.05), ("12.5 %", 0.125), ("0", 0.0), ("100", 1.0), (" 7 ", 0.07),
        ] as [(String, Double)])
    func percentages(text: String, share: Double) throws {
        let parsed = try #require(RunVerdict.rejectRate(percent: text), "\(text) is a percentage")
        #expect(abs(parsed - share) < 1e-12, "\(text) is \(share): \(parsed)")
    }

    @Test("anything else is refused", arguments: ["", "%", "-1", "101", "five", "1e2", "0x10", "nan", "5%%"])
    func notPercentages(text: String) {
        #expect(RunVerdict.rejectRate(percent: text) == nil, "\(text) is not a percentage from 0 to 100")
    }
}
