import BenchmarkSupport

/// One run of the simulated-directory part: an import at `jobs` operations in flight.
struct DirectoryRun: Sendable, Hashable {
    var jobs: Int
    var run: ImportRun
}

/// The import benchmark's printed result: three tables and the targets, PASS or MISS.
struct ImportBenchmarkReport: Sendable {
    var latencyMs: Int
    var storeJobs: Int
    /// (a) imports into a new store.
    var newStore: [ImportRun] = []
    /// (b) the same files again into the store (a) made.
    var sameAgain: [ImportRun] = []
    /// The store's size after (a), by users of the input.
    var storeSizes: [Int: Int] = [:]
    /// (c) imports into the simulated directory.
    var directory: [DirectoryRun] = []
    /// Directory calls of an input (by its users), counted with strace.
    var callCounts: [Int: Int] = [:]
    var notes: [String] = []

    static let targetSeconds = 10.0
    static let targetPeakRSSMB = 100.0
    static let targetAgainSeconds = 3.0
    static let targetUsers = 1_000_000
    static let targetShareOfIdeal = 0.80
    static let targetJobs = 32

    private func storeTable(_ runs: [ImportRun], withStoreSize: Bool) -> String {
        var header = [
            "run", "rows", "wall (s)", "rows/s", "peak RSS (MB)", "CPU user+sys (s)", "CPU / wall",
            "users created", "updated", "unchanged", "rejected", "duplicate", "accounts on sheets",
        ]
        if withStoreSize { header.append("store (MB)") }
        header.append("load avg before")
        var table = MarkdownTable(header: header)
        for run in runs {
            let users = run.summary.users
            var row = [
                run.label, run.rows.grouped, run.run.wallSeconds.fixed(2), run.rowsPerSecond.fixed(0),
                run.peakRSSMB.fixed(1), run.run.cpuSeconds.fixed(2),
                (run.run.cpuSeconds / run.run.wallSeconds).fixed(2),
                users.created.grouped, users.updated.grouped, users.unchanged.grouped, users.rejected.grouped,
                users.duplicate.grouped, run.summary.accountsDelivered.grouped,
            ]
            if withStoreSize {
                row.append(storeSizes[run.inputUsers].map { (Double($0) / bytesPerMB).fixed(0) } ?? "–")
            }
            row.append(run.loadBefore)
            table.append(row)
        }
        return table.rendered
    }

    /// Calls per second the directory could answer at most: `jobs` calls in flight, each `latency` long.
    func idealCallsPerSecond(jobs: Int) -> Double { Double(jobs) * 1000 / Double(latencyMs) }

    /// The share of the ideal a run reached: calls answered per second over `jobs / latency`; `nil`
    /// when its input's calls were not counted.
    func shareOfIdeal(_ run: DirectoryRun) -> Double? {
        guard let calls = callCounts[run.run.inputUsers] else { return nil }
        return Double(calls) / run.run.run.wallSeconds / idealCallsPerSecond(jobs: run.jobs)
    }

    private var directoryTable: String {
        var table = MarkdownTable(header: [
            "--jobs", "rows", "directory calls", "calls/row", "wall (s)", "rows/s", "ideal rows/s",
            "% of ideal", "calls/s", "ideal calls/s", "peak RSS (MB)", "CPU (s)", "users created",
            "load avg before",
        ])
        for entry in directory {
            let run = entry.run
            let calls = callCounts[run.inputUsers]
            let callsPerRow = calls.map { Double($0) / Double(run.rows) }
            let ideal = idealCallsPerSecond(jobs: entry.jobs)
            table.append([
                String(entry.jobs), run.rows.grouped, calls?.grouped ?? "–", callsPerRow?.fixed(2) ?? "–",
                run.run.wallSeconds.fixed(2), run.rowsPerSecond.fixed(1),
                callsPerRow.map { (ideal / $0).fixed(1) } ?? "–",
                shareOfIdeal(entry).map { ($0 * 100).fixed(1) + " %" } ?? "–",
                calls.map { (Double($0) / run.run.wallSeconds).fixed(1) } ?? "–", ideal.fixed(0),
                run.peakRSSMB.fixed(1), run.run.cpuSeconds.fixed(2), run.summary.users.created.grouped,
                run.loadBefore,
            ])
        }
        return table.rendered
    }

    private static func verdict(_ passed: Bool) -> String { passed ? "PASS" : "MISS" }

    /// The targets, each PASS or MISS with its figure; only those whose run was measured.
    var targetsLine: String {
        var parts: [String] = []
        if let run = newStore.first(where: { $0.inputUsers == Self.targetUsers }) {
            parts.append(
                "1M users into a new store <= \(Self.targetSeconds.fixed(0)) s: "
                    + "\(Self.verdict(run.run.wallSeconds <= Self.targetSeconds)) (\(run.run.wallSeconds.fixed(2)) s)"
            )
            parts.append(
                "peak RSS <= \(Self.targetPeakRSSMB.fixed(0)) MB: "
                    + "\(Self.verdict(run.peakRSSMB <= Self.targetPeakRSSMB)) (\(run.peakRSSMB.fixed(1)) MB)")
        }
        if let run = sameAgain.first(where: { $0.inputUsers == Self.targetUsers }) {
            parts.append(
                "1M users again (unchanged) <= \(Self.targetAgainSeconds.fixed(0)) s: "
                    + "\(Self.verdict(run.run.wallSeconds <= Self.targetAgainSeconds)) (\(run.run.wallSeconds.fixed(2)) s)"
            )
        }
        if let run = directory.first(where: { $0.jobs == Self.targetJobs }) {
            if let share = shareOfIdeal(run) {
                parts.append(
                    "simulated directory at \(Self.targetJobs) jobs >= \((Self.targetShareOfIdeal * 100).fixed(0)) % of ideal: "
                        + "\(Self.verdict(share >= Self.targetShareOfIdeal)) (\((share * 100).fixed(1)) %)")
            } else {
                parts.append("simulated directory at \(Self.targetJobs) jobs: not judged (calls not counted)")
            }
        }
        return "targets: " + (parts.isEmpty ? "none measured" : parts.joined(separator: "; "))
    }

    var rendered: String {
        var text = ""
        if !newStore.isEmpty {
            text += "(a) into a new SQLite store, --jobs \(storeJobs), every output written (1 run each):\n\n"
            text += storeTable(newStore, withStoreSize: true) + "\n"
        }
        if !sameAgain.isEmpty {
            text += "(b) the same files again into that store (1 run each):\n\n"
            text += storeTable(sameAgain, withStoreSize: false) + "\n"
        }
        if !directory.isEmpty {
            text +=
                "(c) simulated directory, latency \(latencyMs) ms per call, failure rate 0 (1 run each):\n\n"
            text += directoryTable + "\n"
        }
        text += targetsLine + "\n"
        for note in notes { text += "note: \(note)\n" }
        return text
    }
}
