import BenchmarkSupport

/// One measured `onboard import`: the command, what the launcher measured, what the run reported,
/// and the machine's load when it started.
struct ImportRun: Sendable, Hashable {
    /// What the row of the table calls this run, e.g. `1,000,000 users, new store`.
    var label: String
    /// Users rows of the generated input (duplicates and rows with errors included).
    var inputUsers: Int
    var command: [String]
    var run: ChildRun
    var summary: ImportSummary
    /// `/proc/loadavg` (1, 5, 15 min) just before the run: other work on the shared machine.
    var loadBefore: String

    /// Data rows of both files (headers excluded), whatever became of them.
    var rows: Int { summary.customers.read + summary.users.read }
    var rowsPerSecond: Double { Double(rows) / run.wallSeconds }
    var peakRSSMB: Double { Double(run.peakRSSBytes) / bytesPerMB }

    /// Runs `command` once through `launcher` (status 1, some rows rejected, is a finished run) and
    /// reads the `summary.json` it wrote into `out`.
    static func measure(
        _ label: String, inputUsers: Int, command: [String], out: String, launcher: String
    ) throws -> ImportRun {
        printProgress("\(label): \(command.joined(separator: " "))")
        let loadBefore = loadAverage()
        let child = MeasuredCommand(
            launcher: launcher, command: command, discardsOutput: true, acceptedExitStatuses: [1])
        let run = try child.run()
        let summary = try ImportSummary(folder: out)
        printProgress(
            "  \(run.wallSeconds.fixed(2)) s, peak RSS \((Double(run.peakRSSBytes) / bytesPerMB).fixed(1)) MB, "
                + "CPU \(run.cpuSeconds.fixed(2)) s, exit \(run.exitStatus)")
        return ImportRun(
            label: label, inputUsers: inputUsers, command: command, run: run, summary: summary,
            loadBefore: loadBefore)
    }
}
