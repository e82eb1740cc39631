import ArgumentParser
import BenchmarkSupport

/// `onboard-bench dedup`: the memory a dedup table pays per user principal name.
struct DedupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Insert N realistic UPN keys into a dedup table in a child; print bytes per dedup key."
    )

    @Option(help: "Key counts to measure, comma-separated.")
    var keys = "1000000,2000000"

    func run() throws {
        let counts = keys.split(separator: ",").compactMap { Int($0) }
        guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--keys needs positive counts, e.g. 1000000,2000000; got \(keys)")
        }
        var table = MarkdownTable(header: [
            "keys", "avg key (UTF-8 bytes)", "peak RSS delta (MB)", "bytes per dedup key (peak)",
            "resident delta (MB)", "bytes per dedup key (resident)", "child peak RSS (MB)", "time (s)",
        ])
        for count in counts {
            printProgress("inserting \(count.grouped) keys…")
            let run = try MeasuredCommand(
                launcher: "\(executableDirectory())/measure-child",
                command: ["\(executableDirectory())/dedup-keys", String(count)]
            ).run()
            let numbers = run.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0) }
            guard numbers.count == 6, numbers[0] == count else {
                throw ChildProcessError(
                    command: ["dedup-keys", String(count)], reason: "printed \(run.output)")
            }
            let (keyBytes, peakBefore, peakAfter, residentBefore, residentAfter) =
                (numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
            table.append([
                count.grouped,
                (Double(keyBytes) / Double(count)).fixed(1),
                (Double(peakAfter - peakBefore) / bytesPerMB).fixed(1),
                (Double(peakAfter - peakBefore) / Double(count)).fixed(1),
                (Double(residentAfter - residentBefore) / bytesPerMB).fixed(1),
                (Double(residentAfter - residentBefore) / Double(count)).fixed(1),
                (Double(run.peakRSSBytes) / bytesPerMB).fixed(1),
                run.wallSeconds.fixed(2),
            ])
        }
        print(Self.explanation)
        print(table.rendered, terminator: "")
    }

    static let explanation = """
        dedup keys: `[String: CSVPosition]`, key = the lower-cased user principal name \
        (e.g. `sofia.garcia1234@tenant0417.onmicrosoft.com`, a heap-allocated native String), value = where \
        the key was first seen (line, record, byte offset: 3 Ints). Each count runs in its own child; deltas \
        are the child's own memory after inserting minus before (peak: getrusage ru_maxrss, which includes \
        the moment a resize holds old and new buckets; resident: /proc/self/statm at the end).

        """
}
