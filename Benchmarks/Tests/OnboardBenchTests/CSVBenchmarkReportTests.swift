import BenchmarkSupport
import Testing

@testable import onboard_bench

struct CSVBenchmarkReportTests {
    /// A measurement of `name` that took `seconds` (wall and CPU) and counted `records`.
    func measurement(_ name: String, seconds: Double, rssMB: Double = 10, records: Int?, fields: Int? = nil)
        -> ReaderMeasurement
    {
        let reader = ReaderUnderTest(
            name: name, command: [name], counts: records == nil ? .nothing : .records)
        let run = ChildRun(
            wallSeconds: seconds, cpuSeconds: seconds, peakRSSBytes: Int(rssMB * 1_000_000), output: "")
        return ReaderMeasurement(reader: reader, runs: [run], count: records, fields: fields)
    }

    func report(_ measurements: [ReaderMeasurement]) -> CSVBenchmarkReport {
        CSVBenchmarkReport(
            inputPath: "users.csv", inputBytes: 100_000_000, runs: 1, measurements: measurements,
            loadBefore: "0.10 0.20 0.30", loadAfter: "0.40 0.50 0.60")
    }

    @Test func targetsPassWhenOnboardIsFastAndSmallEnough() {
        let line = report([
            measurement(ReaderUnderTest.onboardCount, seconds: 0.1, rssMB: 11.5, records: 1_000_001),
            measurement(ReaderUnderTest.yaslab, seconds: 10, rssMB: 20, records: 1_000_001),
        ]).targetsLine
        #expect(
            line.hasPrefix(
                "targets (onboard count, by best wall time): >= 50x yaslab: PASS (100.0x); "
                    + ">= 500 MB/s: PASS (1,000.0 MB/s); peak RSS <= 32 MB: PASS (11.5 MB)"),
            "every target with its figure: \(line)")
    }

    @Test func eachMissedTargetSaysMiss() {
        let line = report([
            measurement(ReaderUnderTest.onboardCount, seconds: 0.25, rssMB: 40, records: 1_000_001),
            measurement(ReaderUnderTest.yaslab, seconds: 10, records: 1_000_001),
        ]).targetsLine
        #expect(line.contains(">= 50x yaslab: MISS (40.0x)"), "40x is short of 50x: \(line)")
        #expect(line.contains(">= 500 MB/s: MISS (400.0 MB/s)"), "400 MB/s is short of 500: \(line)")
        #expect(line.contains("peak RSS <= 32 MB: MISS (40.0 MB)"), "40 MB is over 32: \(line)")
    }

    @Test func withoutYaslabTheRatioIsNotMeasuredRatherThanGuessed() {
        let line = report([measurement(ReaderUnderTest.onboardCount, seconds: 0.1, records: 5)]).targetsLine
        #expect(
            line.contains(">= 50x yaslab: not measured (yaslab was not run)"), "no invented ratio: \(line)")
    }

    @Test func aReaderThatCountsOtherRecordsGetsAWarning() {
        let lines = report([
            measurement(ReaderUnderTest.onboardCount, seconds: 0.1, records: 1_000_001),
            measurement("Python csv.reader", seconds: 1, records: 1_000_001),
            measurement(ReaderUnderTest.yaslab, seconds: 10, records: 1_000_042),
            measurement("cat > /dev/null", seconds: 0.01, records: nil),
        ]).agreementLines
        #expect(
            lines == ["WARNING: yaslab/CSV.swift 2.5.2 counted 1,000,042 records, the others 1,000,001\n"],
            "the disagreeing reader is named, the floor is not checked")
    }

    @Test func aReaderThatCountsOtherFieldsGetsAWarning() {
        let lines = report([
            measurement(ReaderUnderTest.onboardCount, seconds: 0.1, records: 3, fields: 33),
            measurement("SwiftCSV 0.10.0", seconds: 1, records: 3, fields: 36),
        ]).agreementLines
        #expect(
            lines == ["WARNING: SwiftCSV 0.10.0 counted 36 fields, onboard (count) 33\n"],
            "fields are compared with onboard's count")
    }

    @Test func agreeingReadersGiveOneLineSayingSo() {
        let lines = report([
            measurement(ReaderUnderTest.onboardCount, seconds: 0.1, records: 7),
            measurement("Python csv.reader", seconds: 1, records: 7),
        ]).agreementLines
        #expect(lines == ["record counts: all 2 CSV readers counted 7 records\n"], "no warning")
    }
}
