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
            Exit status: 0 everything applied, 1 rows rejected, 64 usage, 65 unusable input, 66 missing file, \
            74 I/O error.
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
    var jobs: Int = ImportRequest.defaultJobs

    @Option(
        name: .long,
        help: ArgumentHelp(
            "User rows per directory operation (default: 500 for the SQLite store, 1 otherwise).",
            valueName: "n"))
    var batchSize: Int?

    @Flag(help: "Allow tenant users to be Owner while the partner manages disaster recovery.")
    var allowOwnerInManagedMode = false

    @OptionGroup var directoryOptions: DirectoryOptions

    @OptionGroup var reproducibility: ReproducibilityOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard customers != nil || !users.isEmpty else {
            throw ValidationError("Give --customers FILE, --users FILE, or both.")
        }
        guard ImportRequest.jobsRange.contains(jobs) else {
            throw ValidationError("--jobs must be \(ImportRequest.jobsRange.lowerBound) to \(ImportRequest.jobsRange.upperBound).")
        }
        if let batchSize, !(1...10_000).contains(batchSize) {
            throw ValidationError("--batch-size must be 1 to 10000.")
        }
    }

    func run() throws {
        let directory = try DirectoryOptions.open(directoryOptions.specification(fallback: .standard))
        let plan = PlanRequest(
            customersPath: customers, usersPaths: users,
            outputDirectory: out ?? PlanCommand.defaultOutputDirectory(command: "import"),
            policy: OnboardingPolicy(allowsOwnerInManagedMode: allowOwnerInManagedMode),
            isDeterministic: reproducibility.deterministic, seed: reproducibility.seed)
        let request = ImportRequest(plan: plan, jobs: jobs, batchSize: batchSize)
        let report: ImportReport
        do throws(PlanError) {
            report = try Importer(directory: directory, logger: logging.makeLogger(label: "onboard.import")).run(request)
        } catch {
            FileHandle.standardError.write(Data("onboard: error: \(error)\n".utf8))
            throw PlanCommand.status(of: error).code
        }
        FileHandle.standardOutput.write(Data(report.text.utf8))
        if report.hasRejections { throw ExitStatus.failure.code }
    }
}
