import ArgumentParser
import BenchmarkSupport

#if canImport(Glibc)
    import Glibc
#endif

/// `onboard-bench csv`: every reader on the same file, in the same run, each in its own process.
struct CSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Read one users.csv with onboard and its peers; print a Markdown table."
    )

    @Option(help: "Users (data rows) in the generated input.")
    var rows = 1_000_000

    @Option(help: "Seed for `onboard samples`.")
    var seed = 1

    @Option(
        help:
            "The onboard executable: makes the input (`onboard samples`); measured as `onboard csv --count`.")
    var onboard = "../.build/release/onboard"

    @Option(help: "Where generated inputs are kept and reused.")
    var data = "data"

    @Option(help: "Measure this CSV file instead of generating one.")
    var input: String?

    @Option(help: "Measured runs per reader, after one warm-up run; the best is reported.")
    var runs = 3

    @Option(help: "Only the readers whose name contains one of these (comma-separated), e.g. `onboard,wc`.")
    var only: String?

    func validate() throws {
        guard rows > 0 else { throw ValidationError("--rows must be positive, got \(rows)") }
        guard runs > 0 else { throw ValidationError("--runs must be positive, got \(runs)") }
    }

    func run() throws {
        let path: String
        if let input {
            path = input
        } else {
            // One customer per 100 users, the shape of a large partner's run.
            let sample = SampleInput(users: rows, customers: max(rows / 100, 1), seed: seed)
            path = try sample.usersFile(in: data, onboard: onboard)
        }
        let filters = only?.split(separator: ",").map { $0.lowercased() }
        // The CLI row needs an onboard that has the `csv` command (the generator may be older).
        let cli = access(onboard, X_OK) == 0 ? onboard : nil
        let readers = ReaderUnderTest.all(
            binDirectory: executableDirectory(), input: path, onboardExecutable: cli
        )
        .filter { reader in
            filters.map { $0.contains { reader.name.lowercased().contains($0) } } ?? true
        }
        let loadBefore = loadAverage()
        var measurements: [ReaderMeasurement] = []
        for reader in readers {
            printProgress("measuring \(reader.name)…")
            let measurement = try ReaderMeasurement.measure(
                reader, runs: runs, launcher: "\(executableDirectory())/measure-child")
            printProgress("  best \(measurement.best.wallSeconds.fixed(3)) s")
            measurements.append(measurement)
        }
        let report = CSVBenchmarkReport(
            inputPath: path, inputBytes: try fileSize(path), runs: runs, measurements: measurements,
            loadBefore: loadBefore, loadAfter: loadAverage())
        print(report.rendered, terminator: "")
    }
}
