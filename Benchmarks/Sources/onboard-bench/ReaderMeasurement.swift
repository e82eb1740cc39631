import BenchmarkSupport

/// What one reader did on the input: one warm-up run, then the best of the measured runs.
struct ReaderMeasurement: Sendable, Hashable {
    var reader: ReaderUnderTest
    /// Every measured run, in order (the warm-up is not among them).
    var runs: [ChildRun]
    /// Records (or lines) the reader counted; `nil` for `cat`.
    var count: Int?
    /// Fields counted, for the readers that report them.
    var fields: Int?

    /// The fastest measured run: the one least disturbed by whatever else the machine was doing.
    var best: ChildRun { runs.min { $0.wallSeconds < $1.wallSeconds }! }
    /// The median wall time of the measured runs.
    var medianSeconds: Double {
        let sorted = runs.map(\.wallSeconds).sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
    /// The highest peak RSS over the measured runs (the conservative figure).
    var peakRSSBytes: Int { runs.map(\.peakRSSBytes).max()! }

    /// Runs `reader` (through the `launcher`) once to warm the page cache, then `runs` times; throws if a run fails or the
    /// count changes between runs.
    static func measure(_ reader: ReaderUnderTest, runs: Int, launcher: String) throws -> ReaderMeasurement {
        let child = MeasuredCommand(
            launcher: launcher, command: reader.command, discardsOutput: reader.discardsOutput)
        _ = try child.run()
        var measured: [ChildRun] = []
        var counts: [[Int]] = []
        for _ in 0..<runs {
            let run = try child.run()
            measured.append(run)
            counts.append(
                run.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0) })
        }
        guard Set(counts).count == 1 else {
            throw ChildProcessError(
                command: reader.command, reason: "counted differently between runs: \(counts)")
        }
        let numbers = counts[0]
        if reader.counts != .nothing && numbers.isEmpty {
            throw ChildProcessError(
                command: reader.command, reason: "printed no count: \(measured[0].output.debugDescription)")
        }
        return ReaderMeasurement(
            reader: reader, runs: measured,
            count: reader.counts == .nothing ? nil : numbers.first,
            fields: numbers.count > 1 && reader.counts == .records ? numbers[1] : nil
        )
    }
}
