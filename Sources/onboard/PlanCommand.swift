import ArgumentParser
import CSVStream
import Foundation
import OnboardCore
import OnboardKit

/// `onboard plan`: reads, checks and deduplicates the inputs and prints what an import would do.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what an import would do, changing nothing.",
        discussion: """
            Reads the customers file first, then the users file (onboard's users.csv, the identity portal's \
            bulk-create template or the admin center's template, recognised from the header), checks every \
            row, and prints per tenant what would be created, updated or left unchanged, then every rejected \
            row. Writes report.xml, report.html, summary.json and rejects/<input>.rejects.csv into the output \
            folder, each under a temporary name first and renamed into place when complete.
            Exit status: 0 nothing rejected, 1 rows rejected, 64 usage, 65 unusable input, 66 missing file, \
            74 I/O error.
            """)

    @Option(
        name: .long, help: ArgumentHelp("The customers file (onboard's customers.csv).", valueName: "file"))
    var customers: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A users file, in any of the three user formats; repeat for several (deduplicated across them).",
            valueName: "file"))
    var users: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The folder for the reports and rejects/ (default: reports/plan-<UTC time>).", valueName: "dir"))
    var out: String?

    @OptionGroup var reproducibility: ReproducibilityOptions

    @Flag(help: "Allow tenant users to be Owner while the partner manages disaster recovery.")
    var allowOwnerInManagedMode = false

    @OptionGroup var directoryOptions: DirectoryOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard customers != nil || !users.isEmpty else {
            throw ValidationError("Give --customers FILE, --users FILE, or both.")
        }
    }

    func run() throws {
        let request = PlanRequest(
            customersPath: customers, usersPaths: users,
            outputDirectory: out ?? Self.defaultOutputDirectory(),
            policy: OnboardingPolicy(allowsOwnerInManagedMode: allowOwnerInManagedMode),
            isDeterministic: reproducibility.deterministic, seed: reproducibility.seed)
        let planner = Planner(
            directory: try planDirectory(), logger: logging.makeLogger(label: "onboard.plan"))
        let report: PlanReport
        do throws(PlanError) {
            report = try planner.plan(request)
        } catch {
            FileHandle.standardError.write(Data("onboard: error: \(error)\n".utf8))
            throw Self.status(of: error).code
        }
        FileHandle.standardOutput.write(Data(report.text.utf8))
        // Rows rejected: the plan is complete, but not everything would go through.
        if report.hasRejections { throw ExitStatus.failure.code }
    }

    /// The directory to compare with: the one named, else the default store when it exists, else an
    /// empty one. A plan never creates or changes a store: an existing store file is opened for
    /// reading only (so a read-only store or one another run is writing to can be planned against),
    /// a missing one is an empty directory.
    func planDirectory() throws -> any Directory {
        let standard = DirectorySpecification.standard
        let fallback: DirectorySpecification =
            FileManager.default.fileExists(atPath: DirectorySpecification.defaultStorePath)
            ? standard : .memory
        let specification = directoryOptions.specification(fallback: fallback)
        guard case .sqlite(let path) = specification else { return try DirectoryOptions.open(specification) }
        guard FileManager.default.fileExists(atPath: path) else { return try DirectoryOptions.open(.memory) }
        return try directoryOptions.openForReading()
    }

    /// `reports/plan-20261125-081700`: one folder per run, sortable, never overwriting an earlier plan.
    static func defaultOutputDirectory(now: Date = Date(), command: String = "plan") -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "reports/\(command)-" + formatter.string(from: now)
    }

    /// The exit status of a plan that could not be made.
    static func status(of error: PlanError) -> ExitStatus {
        switch error.kind {
        case .unusableInput: .dataError
        case .missingFile: .noInput
        case .inputOutput: .ioError
        }
    }
}
