import ArgumentParser
import BenchmarkSupport

/// `onboard-bench import`: the real `onboard import`, each run in its own measured child.
///
/// (a) a generated input into a new SQLite store, every output written; (b) the same files again
/// into that store (every row unchanged); (c) a small input into the simulated directory at a
/// fixed latency, at several `--jobs`, against the ideal of `jobs / latency` calls per second.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Measure `onboard import`: a large input into a new and an existing store, and concurrency."
    )

    @Option(help: "The onboard executable (makes the inputs with `onboard samples`, and is measured).")
    var onboard = "../.build/release/onboard"

    @Option(
        help:
            "Where generated inputs are kept and reused; runs write their stores and outputs under DATA/import-runs."
    )
    var data = "data"

    @Option(
        help:
            "Users of the inputs imported into a SQLite store (comma-separated), each with --customers customers."
    )
    var users = "1000000,2000000"

    @Option(help: "Customers of the store inputs.")
    var customers = 10_000

    @Option(help: "Seed for `onboard samples`.")
    var seed = 1

    @Option(help: "`--jobs` of the store imports (onboard's default is 8).")
    var storeJobs = 8

    @Option(help: "Latency of the simulated directory, in milliseconds.")
    var latencyMs = 20

    @Option(help: "`--jobs` of the simulated-directory runs (comma-separated).")
    var jobs = "1,8,32,64"

    @Option(help: "Users of the simulated-directory input.")
    var directoryUsers = 2_000
    @Option(help: "Customers of the simulated-directory input.")
    var directoryCustomers = 20

    @Option(help: "Users of the input of the `--jobs 1` run, fewer so it finishes in about a minute.")
    var singleJobUsers = 500
    @Option(help: "Customers of the `--jobs 1` input.")
    var singleJobCustomers = 5

    @Option(help: "Parts to run (comma-separated): `store` (new store, then again), `directory`.")
    var parts = "store,directory"

    @Flag(help: "Keep the stores and outputs under DATA/import-runs (they take ~1 GB per million users).")
    var keep = false

    func validate() throws {
        guard !userCounts.isEmpty, userCounts.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--users needs positive counts, got \(users)")
        }
        guard !jobCounts.isEmpty, jobCounts.allSatisfy({ (1...256).contains($0) }) else {
            throw ValidationError("--jobs needs counts from 1 to 256, got \(jobs)")
        }
        guard latencyMs > 0 else { throw ValidationError("--latency-ms must be positive") }
    }

    private var userCounts: [Int] { users.split(separator: ",").compactMap { Int($0) } }
    private var jobCounts: [Int] { jobs.split(separator: ",").compactMap { Int($0) } }
    private var partNames: Set<String> { Set(parts.split(separator: ",").map(String.init)) }

    func run() throws {
        let launcher = "\(executableDirectory())/measure-child"
        let scratch = "\(data)/import-runs"
        var report = ImportBenchmarkReport(latencyMs: latencyMs, storeJobs: storeJobs)

        if partNames.contains("store") {
            for count in userCounts {
                let input = SampleInput(users: count, customers: customers, seed: seed)
                let files = try input.files(in: data, onboard: onboard)
                let folder = "\(scratch)/store-u\(count)"
                try ChildProcess(["rm", "-rf", folder]).run()
                try ChildProcess(["mkdir", "-p", folder]).run()
                func command(out: String) -> [String] {
                    [
                        onboard, "import", "--customers", files.customers, "--users", files.users,
                        "--store", "\(folder)/store.sqlite", "--out", out, "--jobs", String(storeJobs),
                    ]
                }
                report.newStore.append(
                    try ImportRun.measure(
                        "\(count.grouped) users, new store", inputUsers: count,
                        command: command(out: "\(folder)/first"), out: "\(folder)/first", launcher: launcher))
                report.storeSizes[count] = (try? fileSize("\(folder)/store.sqlite")) ?? 0
                report.sameAgain.append(
                    try ImportRun.measure(
                        "\(count.grouped) users, same files again", inputUsers: count,
                        command: command(out: "\(folder)/again"), out: "\(folder)/again", launcher: launcher))
                if !keep { try ChildProcess(["rm", "-rf", folder]).run() }
            }
        }

        if partNames.contains("directory") {
            let latency = "\(latencyMs)ms"
            let small = SampleInput(users: singleJobUsers, customers: singleJobCustomers, seed: seed)
            let large = SampleInput(users: directoryUsers, customers: directoryCustomers, seed: seed)
            for input in Set([small, large]) {
                let files = try input.files(in: data, onboard: onboard)
                let folder = "\(scratch)/directory-u\(input.users)"
                try ChildProcess(["rm", "-rf", folder]).run()
                try ChildProcess(["mkdir", "-p", folder]).run()
                func command(latency: String, jobs: Int, out: String) -> [String] {
                    [
                        onboard, "import", "--customers", files.customers, "--users", files.users,
                        "--directory", "simulated:latency=\(latency),failure-rate=0", "--out", out,
                        "--jobs", String(jobs),
                    ]
                }
                printProgress("counting the directory calls of \(input.users.grouped) users with strace…")
                let counted = DirectoryCallCount.count(scratch: folder) { latency, out in
                    command(latency: latency, jobs: 8, out: out)
                }
                switch counted {
                case .success(let count):
                    printProgress("  \(count.calls.grouped) calls")
                    report.callCounts[input.users] = count.calls
                    report.notes.append(
                        "directory calls of the \(input.users.grouped)-user input: \(count.sleepsAtOneMillisecond.grouped) "
                            + "sleep system calls at latency=1ms minus \(count.sleepsAtZero.grouped) at latency=0ms "
                            + "(strace -f -c, --jobs 8) = \(count.calls.grouped)")
                case .failure(let error):
                    printProgress("  cannot count the calls: \(error)")
                    report.notes.append(
                        "directory calls of the \(input.users)-user input not counted: \(error)")
                }
                for jobCount in jobCounts where jobCount == 1 ? input == small : input == large {
                    let out = "\(folder)/jobs-\(jobCount)"
                    report.directory.append(
                        DirectoryRun(
                            jobs: jobCount,
                            run: try ImportRun.measure(
                                "\(input.users.grouped) users, --jobs \(jobCount)", inputUsers: input.users,
                                command: command(latency: latency, jobs: jobCount, out: out), out: out,
                                launcher: launcher)))
                }
                if !keep { try ChildProcess(["rm", "-rf", folder]).run() }
            }
            report.directory.sort { $0.jobs < $1.jobs }
        }
        print(report.rendered, terminator: "")
    }
}
