import ArgumentParser
import BenchmarkSupport

/// `onboard-bench dedup`: the memory a dedup table pays per user.
struct DedupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Record N realistic users in dedup tables, each in a child; print bytes per dedup key."
    )

    @Option(help: "User counts to measure, comma-separated.")
    var keys = "1000000,2000000"

    @Option(help: "Tables to measure, comma-separated: deduplicator, ledger, strings.")
    var tables = "deduplicator,ledger,strings"

    func run() throws {
        let counts = keys.split(separator: ",").compactMap { Int($0) }
        guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--keys needs positive counts, e.g. 1000000,2000000; got \(keys)")
        }
        let tableNames = tables.split(separator: ",").map(String.init)
        guard !tableNames.isEmpty, tableNames.allSatisfy({ Self.descriptions[$0] != nil }) else {
            throw ValidationError("--tables takes deduplicator, ledger, strings; got \(tables)")
        }
        var table = MarkdownTable(header: [
            "table", "users", "entries", "avg UPN (bytes)", "peak delta (MB)", "bytes per user (peak)",
            "resident delta (MB)", "bytes per user (resident)", "child peak RSS (MB)", "time (s)",
        ])
        for name in tableNames {
            for count in counts {
                printProgress("recording \(count.grouped) users in \(name)…")
                let run = try MeasuredCommand(
                    launcher: "\(executableDirectory())/measure-child",
                    command: ["\(executableDirectory())/dedup-keys", name, String(count)]
                ).run()
                let numbers = run.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap {
                    Int($0)
                }
                guard numbers.count == 7, numbers[0] == count else {
                    throw ChildProcessError(
                        command: ["dedup-keys", name, String(count)], reason: "printed \(run.output)")
                }
                let (keyBytes, peakBefore, peakAfter, residentBefore, residentAfter) =
                    (numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
                table.append([
                    name,
                    count.grouped,
                    numbers[6].grouped,
                    (Double(keyBytes) / Double(count)).fixed(1),
                    (Double(peakAfter - peakBefore) / bytesPerMB).fixed(1),
                    (Double(peakAfter - peakBefore) / Double(count)).fixed(1),
                    (Double(residentAfter - residentBefore) / bytesPerMB).fixed(1),
                    (Double(residentAfter - residentBefore) / Double(count)).fixed(1),
                    (Double(run.peakRSSBytes) / bytesPerMB).fixed(1),
                    run.wallSeconds.fixed(2),
                ])
            }
        }
        print(Self.explanation)
        for name in tableNames { print("- \(name): \(Self.descriptions[name]!)") }
        print()
        print(table.rendered, terminator: "")
    }

    static let explanation = """
        dedup keys: N distinct users (UPN e.g. `sofia.garcia1234@tenant0417.onmicrosoft.com`), one child \
        per table and N; per user = (the child's memory after recording - before) / N, where peak = \
        ru_maxrss (includes a resize holding old and new buckets) and resident = /proc/self/statm at \
        the end; entries = keys the table holds. Per user:
        """

    /// What each table keeps per user, in words.
    static let descriptions = [
        "deduplicator":
            "intake's `Deduplicator.record(UserDraft)`, what `onboard plan` keeps: per user a `KeyLedger` "
            + "slot for the UPN key (128-bit hash, 64-bit fingerprint, 32-bit row mark: 28 bytes) and a "
            + "`NameLedger` slot for tenant + display name (64 bits of its hash and a mark: 12 bytes)",
        "ledger":
            "one intake `KeyLedger` slot: 128-bit hash of the UPN key, 64-bit fingerprint, 32-bit row mark (28 bytes)",
        "strings":
            "a plain `[String: CSVPosition]`: the UPN itself (a heap-allocated native String, 16 bytes "
            + "inline + its storage) and a 24-byte position",
    ]
}
