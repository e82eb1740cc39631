import ArgumentParser
import OnboardKit

/// `onboard samples`: writes realistic synthetic input files for tests, demos and benchmarks.
struct SamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract:
            "Write realistic synthetic customers.csv and users.csv files, with known errors and duplicates.",
        discussion: """
            Writes DIR/customers.csv, DIR/users.csv and DIR/expected.json (the numbers of rows, invalid, \
            duplicate and conflicting rows the pipeline must report). The same arguments give the same bytes.
            """
    )

    @Option(
        name: .long, help: ArgumentHelp("The folder to write into (created if missing).", valueName: "DIR"))
    var out: String

    @Option(name: .long, help: "Rows of customers.csv.")
    var customers: Int

    @Option(name: .long, help: "Rows of users.csv.")
    var users: Int

    @Option(name: .long, help: "Share of rows (0–1) with one known validation error.")
    var errorRate: Double = 0

    @Option(
        name: .long, help: "Share of rows (0–1) repeating an earlier row; every fifth of them is a conflict.")
    var duplicateRate: Double = 0

    @Option(name: .long, help: "The random seed.")
    var seed: UInt64 = 1

    func validate() throws {
        do {
            try makeConfiguration().validate()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let expectation = try SampleGenerator(configuration: makeConfiguration()).write(to: out)
        print(
            "wrote \(out)/customers.csv (\(expectation.customers.rows) rows), "
                + "\(out)/users.csv (\(expectation.users.rows) rows), \(out)/expected.json")
    }

    private func makeConfiguration() -> SampleConfiguration {
        SampleConfiguration(
            customers: customers, users: users, errorRate: errorRate, duplicateRate: duplicateRate, seed: seed
        )
    }
}
