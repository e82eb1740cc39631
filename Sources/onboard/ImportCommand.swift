import ArgumentParser
import CSVStream
import Foundation
import OnboardCore
import OnboardKit

/// `onboard import`: provisions the customers' tenants and their users into the directory.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Create or update the customers' tenants and their users in the directory.",
        discussion: """
            Reads and checks the inputs as plan does, then provisions every valid row: each tenant with its \
            default admin, subscription and disaster-recovery set-up, then its users and their roles. Tenants \
            are provisioned concurrently (--jobs); a user waits only for its own tenant. Safe to run again, \
            also after being interrupted or killed: unchanged rows stay unchanged, and accounts whose password \
            was not delivered get a new one. Writes summary.json, rejects/ and credentials/ (temporary \
            passwords, mode 0600) into the output folder.
            One run at a time per store: an import locks <store>.lock (flock, holding its PID) for the whole \
            run; another run waits --wait SECONDS, then exits 75 naming the holder's PID. SIGINT (Ctrl-C) or \
            SIGTERM stops reading, lets the rows in flight finish, writes the reports marked interrupted and \
            exits 130 or 143; run the same command again to finish (a second signal stops at once). On a \
            terminal, a progress line on standard error (not with --quiet; no colour with NO_COLOR).
            Exit status: 0 everything applied (or rejected rows within --max-reject-rate), 1 rows rejected \
            (above --max-reject-rate when given), 64 usage, 65 unusable input or configuration, 66 missing \
            file, 74 I/O error, 75 store locked by another run, 130 SIGINT, 143 SIGTERM.
            """)

    @Option(
        name: .long, help: ArgumentHelp("The customers file (onboard's customers.csv).", valueName: "file"))
    var customers: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A users file, in any of the three user formats; repeat for several.", valueName: "file"))
    var users: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The folder for summary.json, rejects/ and credentials/ (default: reports/import-<UTC time>).",
            valueName: "dir"))
    var out: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Directory operations in flight at most (default: \(ImportRequest.defaultJobs)).", valueName: "n")
    )
    var jobs: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "User rows per directory operation (default: 500 for the SQLite store, 1 otherwise).",
            valueName: "n"))
    var batchSize: Int?

    @Flag(help: "Allow tenant users to be Owner while the partner manages disaster recovery.")
    var allowOwnerInManagedMode = false

    @OptionGroup var directoryOptions: DirectoryOptions

    @OptionGroup var lockOptions: StoreLockOptions

    @OptionGroup var runOptions: RunOptions

    @OptionGroup var reproducibility: ReproducibilityOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard customers != nil || !users.isEmpty else {
            throw ValidationError("Give --customers FILE, --users FILE, or both.")
        }
        if let jobs, !ImportRequest.jobsRange.contains(jobs) {
            throw ValidationError(
                "--jobs must be \(ImportRequest.jobsRange.lowerBound) to \(ImportRequest.jobsRange.upperBound)."
            )
        }
        if let batchSize, !(1...10_000).contains(batchSize) {
            throw ValidationError("--batch-size must be 1 to 10000.")
        }
    }

    func run() throws {
        var overrides = OnboardConfiguration.Overrides()
        overrides.store = directoryOptions.given
        overrides.outputFolder = out
        overrides.jobs = jobs
        overrides.allowsOwnerInManagedMode = allowOwnerInManagedMode
        overrides.logFormat = logging.logFormat
        overrides.isVerbose = logging.verbose
        let settings = try runOptions.configuration(overrides: overrides)
        let logger = logging.makeLogger(
            label: "onboard.import", configured: runOptions.config == nil ? nil : settings.log)

        let interruption = RunInterruption.installedForRun()
        // The lock comes before the store is opened: a second run must not even create or migrate it.
        let lock = try lockOptions.acquire(settings.store, interruption: interruption)
        defer { lock?.release() }
        let directory = try DirectoryOptions.open(settings.store)
        let plan = PlanRequest(
            customersPath: customers, usersPaths: users,
            outputDirectory: settings.outputFolder ?? PlanCommand.defaultOutputDirectory(command: "import"),
            policy: settings.validation.policy,
            isDeterministic: reproducibility.deterministic, seed: reproducibility.seed)
        let request = ImportRequest(
            plan: plan, jobs: settings.jobs, batchSize: batchSize, retry: settings.retry)
        let progress = RunProgress()
        let report = try runOptions.showingProgress(progress, label: "import") { () throws(PlanError) in
            try Importer(
                directory: directory, logger: logger, interruption: interruption, progress: progress
            ).run(request)
        }
        try runOptions.conclude(
            text: report.text, outputDirectory: report.outputDirectory,
            verdict: RunVerdict(
                rows: report.rows, signal: report.interruption,
                maxRejectRate: settings.validation.maxRejectRate))
    }
}
