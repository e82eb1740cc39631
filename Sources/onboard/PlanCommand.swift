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
            folder, each under a temporary name first and renamed into place when complete. SIGINT or SIGTERM \
            stops reading and writes the reports of the rows read, marked interrupted. On a terminal, a \
            progress line on standard error (not with --quiet).
            Exit status: 0 nothing rejected (or rejected rows within --max-reject-rate), 1 rows rejected \
            (above --max-reject-rate when given), 64 usage, 65 unusable input or configuration, 66 missing \
            file, 74 I/O error, 130 SIGINT, 143 SIGTERM.
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

    @OptionGroup var runOptions: RunOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard customers != nil || !users.isEmpty else {
            throw ValidationError("Give --customers FILE, --users FILE, or both.")
        }
    }

    func run() throws {
        var overrides = OnboardConfiguration.Overrides()
        overrides.store = directoryOptions.given
        overrides.outputFolder = out
        overrides.allowsOwnerInManagedMode = allowOwnerInManagedMode
        overrides.logFormat = logging.logFormat
        overrides.isVerbose = logging.verbose
        let settings = try runOptions.configuration(overrides: overrides)
        let request = PlanRequest(
            customersPath: customers, usersPaths: users,
            outputDirectory: settings.outputFolder ?? Self.defaultOutputDirectory(),
            policy: settings.validation.policy,
            isDeterministic: reproducibility.deterministic, seed: reproducibility.seed)
        let progress = RunProgress()
        let planner = Planner(
            directory: try Self.planDirectory(settings.store),
            logger: logging.makeLogger(
                label: "onboard.plan", configured: runOptions.config == nil ? nil : settings.log),
            interruption: RunInterruption.installedForRun(), progress: progress)
        let report = try runOptions.showingProgress(progress, label: "plan") { () throws(PlanError) in
            try planner.plan(request)
        }
        // Rows rejected: the plan is complete, but not everything would go through.
        try runOptions.conclude(
            text: report.text, outputDirectory: report.outputDirectory,
            verdict: RunVerdict(
                rows: report.rows, signal: report.interruption,
                maxRejectRate: settings.validation.maxRejectRate))
    }

    /// The directory to compare with: the one named, else the default store when it exists, else an
    /// empty one. A plan never creates or changes a store: an existing store file is opened for
    /// reading only (so a read-only store or one another run is writing to can be planned against),
    /// a missing one is an empty directory.
    static func planDirectory(_ specification: DirectorySpecification) throws -> any Directory {
        guard case .sqlite(let path) = specification else { return try DirectoryOptions.open(specification) }
        guard FileManager.default.fileExists(atPath: path) else { return try DirectoryOptions.open(.memory) }
        return try DirectoryOptions.openForReading(specification)
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
