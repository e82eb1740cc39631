import BenchmarkSupport

#if canImport(Glibc)
    import Glibc
#endif

/// How many calls an import makes to the simulated directory, counted from the outside.
///
/// onboard reports no call count, but `SimulatedDirectory` sleeps once per call (a `nanosleep` of
/// its latency, skipped at zero latency), so `strace -c` counting the sleep system calls of a run
/// at 1 ms, minus those of the same run at 0 ms (whatever else sleeps), is the number of calls.
/// The count does not depend on `--jobs` (the same rows make the same calls), so it is taken once
/// per input, at 8 jobs, and the ideal of each measured run is derived from it.
struct DirectoryCallCount: Sendable, Hashable {
    var calls: Int
    var sleepsAtOneMillisecond: Int
    var sleepsAtZero: Int

    /// Counts the calls of `command(latency)` (an import into a fresh simulated directory writing to
    /// `out`); `nil` with a reason when `strace` is not there or cannot trace.
    static func count(
        scratch: String, command: (_ latency: String, _ out: String) -> [String]
    ) -> Result<DirectoryCallCount, ChildProcessError> {
        Result { () throws(ChildProcessError) in
            let atOne = try sleeps(
                of: command("1ms", "\(scratch)/calls-1ms"), trace: "\(scratch)/calls-1ms.strace")
            let atZero = try sleeps(
                of: command("0ms", "\(scratch)/calls-0ms"), trace: "\(scratch)/calls-0ms.strace")
            return DirectoryCallCount(
                calls: atOne - atZero, sleepsAtOneMillisecond: atOne, sleepsAtZero: atZero)
        }
    }

    /// Sleep system calls (`nanosleep`, `clock_nanosleep`) of every thread of one run of `command`.
    private static func sleeps(of command: [String], trace: String) throws(ChildProcessError) -> Int {
        // strace exits with the traced command's status; the import's 1 (some rows rejected) is a
        // finished run, so the shell maps 0 and 1 to success.
        let script =
            "strace -f -qq -c -e trace=nanosleep,clock_nanosleep -o \"$0\" \"$@\" > /dev/null; test $? -le 1"
        do {
            try ChildProcess(["sh", "-c", script, trace] + command).run()
        } catch let error as ChildProcessError {
            throw error
        } catch {
            throw ChildProcessError(command: command, reason: "\(error)")
        }
        guard let file = fopen(trace, "r") else {
            throw ChildProcessError(command: ["strace"] + command, reason: "wrote no \(trace)")
        }
        defer { fclose(file) }
        var total = 0
        var line = [CChar](repeating: 0, count: 512)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            total += sleepCalls(inSummaryLine: text)
        }
        return total
    }

    /// The calls column of a `strace -c` line for `nanosleep` or `clock_nanosleep`, else 0:
    /// `100.00    0.001234          12      8123           clock_nanosleep` (the errors column may be empty).
    static func sleepCalls(inSummaryLine line: String) -> Int {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard let name = fields.last, name == "nanosleep" || name == "clock_nanosleep", fields.count >= 5
        else {
            return 0
        }
        return Int(fields[3]) ?? 0
    }
}
