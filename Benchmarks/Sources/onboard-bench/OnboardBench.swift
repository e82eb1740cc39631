import ArgumentParser
import BenchmarkSupport

/// Measures onboard against other CSV readers and the memory cost of dedup keys.
@main
struct OnboardBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onboard-bench",
        abstract: "Measure onboard's CSV reader against its peers, and the memory of dedup keys.",
        subcommands: [CSVCommand.self, DedupCommand.self, ImportCommand.self]
    )
}
