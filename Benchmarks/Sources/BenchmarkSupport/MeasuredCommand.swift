/// One finished, measured run of a command: its wall time, its own peak RSS and what it printed.
public struct ChildRun: Sendable, Hashable {
    /// Monotonic wall time from just before the fork to just after the child was reaped.
    public var wallSeconds: Double
    /// User plus system CPU time of the child alone.
    public var cpuSeconds: Double
    /// The child's own peak resident set, in bytes (`ru_maxrss` from `wait4`, KiB on Linux).
    public var peakRSSBytes: Int
    /// What the child wrote to standard output (empty when it was discarded).
    public var output: String
    /// The child's exit status: 0, or one the command accepted (`MeasuredCommand.acceptedExitStatuses`).
    public var exitStatus: Int

    public init(
        wallSeconds: Double, cpuSeconds: Double, peakRSSBytes: Int, output: String, exitStatus: Int = 0
    ) {
        self.wallSeconds = wallSeconds
        self.cpuSeconds = cpuSeconds
        self.peakRSSBytes = peakRSSBytes
        self.output = output
        self.exitStatus = exitStatus
    }
}

/// A command measured alone: run through the `measure-child` launcher, which forks it, times it
/// with a monotonic clock and reports the `wait4` rusage of exactly that child.
public struct MeasuredCommand: Sendable, Hashable {
    /// The `measure-child` executable.
    public var launcher: String
    public var command: [String]
    /// Send the command's standard output to `/dev/null` (for `cat`).
    public var discardsOutput: Bool
    /// Non-zero exit statuses that still count as a finished run (`onboard import` exits 1 when it
    /// rejected some rows); any other non-zero status fails the run.
    public var acceptedExitStatuses: [Int]

    public init(
        launcher: String, command: [String], discardsOutput: Bool = false, acceptedExitStatuses: [Int] = []
    ) {
        self.launcher = launcher
        self.command = command
        self.discardsOutput = discardsOutput
        self.acceptedExitStatuses = acceptedExitStatuses
    }

    /// Runs the command once; throws when it fails or the launcher's report is missing.
    public func run() throws -> ChildRun {
        let options =
            (discardsOutput ? ["--discard-stdout"] : [])
            + acceptedExitStatuses.flatMap { ["--accept-exit", String($0)] }
        let output = try ChildProcess([launcher] + options + command).run()
        // The launcher's report is the last line:
        // "measure-child: WALL_NS MAXRSS_KIB USER_US SYSTEM_US STATUS".
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        let prefix = "measure-child: "
        guard let report = lines.popLast(), report.hasPrefix(prefix) else {
            throw ChildProcessError(
                command: command, reason: "the launcher printed no report: \(output.debugDescription)")
        }
        let numbers = report.dropFirst(prefix.count).split(separator: " ").compactMap { Int($0) }
        guard numbers.count == 5 else {
            throw ChildProcessError(command: command, reason: "unreadable launcher report: \(report)")
        }
        return ChildRun(
            wallSeconds: Double(numbers[0]) / 1e9,
            cpuSeconds: Double(numbers[2] + numbers[3]) / 1e6,
            peakRSSBytes: numbers[1] * 1024,
            output: lines.map { $0 + "\n" }.joined(),
            exitStatus: numbers[4]
        )
    }
}
