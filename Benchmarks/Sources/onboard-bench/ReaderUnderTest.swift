import BenchmarkSupport

/// One reader the CSV benchmark measures: how to run it in a child process and what it counts.
struct ReaderUnderTest: Sendable, Hashable {
    /// What the reader's printed count means.
    enum Counts: Sendable, Hashable {
        /// CSV records, header included (the child prints "RECORDS [FIELDS]").
        case records
        /// Physical lines (`wc -l`): a floor for speed, not a CSV count.
        case lines
        /// Nothing (`cat > /dev/null`).
        case nothing
    }

    var name: String
    var command: [String]
    var counts: Counts
    var discardsOutput = false

    /// Every reader in table order, floors first: `binDirectory` holds the `read-*` children;
    /// `onboardExecutable`, when given, adds the real command line `onboard csv --count`.
    static func all(binDirectory: String, input: String, onboardExecutable: String?) -> [ReaderUnderTest] {
        var readers = [
            ReaderUnderTest(
                name: "cat > /dev/null", command: ["cat", input], counts: .nothing, discardsOutput: true),
            ReaderUnderTest(name: "wc -l", command: ["wc", "-l", input], counts: .lines),
            ReaderUnderTest(
                name: onboardCount, command: ["\(binDirectory)/read-onboard", "count", input],
                counts: .records),
            ReaderUnderTest(
                name: "onboard (records)", command: ["\(binDirectory)/read-onboard", "records", input],
                counts: .records),
            ReaderUnderTest(
                name: "Python csv.reader", command: ["python3", "-c", pythonReader, input], counts: .records),
            ReaderUnderTest(name: yaslab, command: ["\(binDirectory)/read-yaslab", input], counts: .records),
            ReaderUnderTest(
                name: "SwiftCSV 0.10.0", command: ["\(binDirectory)/read-swiftcsv", input], counts: .records),
        ]
        if let onboardExecutable {
            // Prints "N records, M fields": the same count mode behind the CLI's start-up and options.
            readers.insert(
                ReaderUnderTest(
                    name: "onboard csv --count (CLI)", command: [onboardExecutable, "csv", "--count", input],
                    counts: .records),
                at: 3)
        }
        return readers
    }

    static let onboardCount = "onboard (count)"
    static let yaslab = "yaslab/CSV.swift 2.5.2"

    /// Python's own C-accelerated reader, the loop every Python user writes; prints the record count.
    static let pythonReader = """
        import csv, sys
        n = 0
        with open(sys.argv[1], newline="", encoding="utf-8") as f:
            for row in csv.reader(f):
                n += 1
        print(n)
        """
}
