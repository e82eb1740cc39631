import ArgumentParser
import CSVStream

/// `onboard csv FILE`: reads a CSV file the way onboard reads its inputs and prints the records as
/// JSON, or counts them; shows what onboard sees in a file (encoding, delimiter, quoting, errors).
struct CSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Print a CSV file's records as JSON, the way onboard reads them.",
        discussion: """
            Prints a JSON array with one array of strings per record (the header included), one record \
            per line. Malformed records are reported on standard error as FILE:LINE:COLUMN: error: \
            MESSAGE and skipped; the exit status is then 65.
            """)

    @Argument(help: "The CSV file to read, or - for standard input.")
    var file: String

    @Option(help: "The field delimiter: , ; | or tab (default: detected from the header line).")
    var delimiter: DelimiterArgument?

    @Option(help: "auto, utf-8, utf-16le, utf-16be or windows-1252 (cp1252).")
    var encoding: EncodingArgument = EncodingArgument(encoding: .auto)

    @Option(help: "A field longer than this many bytes makes its record malformed.")
    var maxFieldBytes: Int = CSVReaderOptions().maxFieldBytes

    @Flag(help: "Only print the number of records and fields (fast).")
    var count = false

    func validate() throws {
        guard maxFieldBytes > 0 else {
            throw ValidationError(
                "--max-field-bytes must be a positive number of bytes, not \(maxFieldBytes)")
        }
    }

    func run() throws {
        let options = CSVReaderOptions(
            delimiter: delimiter?.byte, encoding: encoding.encoding, maxFieldBytes: maxFieldBytes)
        let reader: CSVReader
        do {
            reader = try CSVReader(path: file, options: options)
        } catch {
            throw fail(error)
        }
        let report = { (issue: CSVIssue) in
            printToStandardError("\(reader.name):\(issue.line):\(issue.column): error: \(issue.message)")
        }
        let output = StandardStream(descriptor: 1)
        var issues = 0
        do {
            if count {
                let counted = try reader.countRemaining(onIssue: report)
                issues = counted.issues
                try output.write("\(counted.records) records, \(counted.fields) fields\n")
                try output.flush()
            } else {
                var writer = JSONRecordWriter(output: output)
                try writer.begin()
                while let result = try reader.nextRaw({ record in
                    Result { () throws(StandardStream.WriteError) in try writer.write(record) }
                }) {
                    switch result {
                    case .success(let written): try written.get()
                    case .failure(let issue):
                        issues += 1
                        report(issue)
                    }
                }
                try writer.end()
            }
        } catch let error as CSVInputError {
            throw fail(error)
        } catch let error as StandardStream.WriteError {
            printToStandardError("onboard: error: \(error)")
            throw ExitStatus.ioError.code
        }
        if issues > 0 { throw ExitStatus.dataError.code }
    }

    /// Reports an input that cannot be read and gives the matching exit status.
    private func fail(_ error: CSVInputError) -> ExitCode {
        printToStandardError("onboard: error: \(error)")
        return (error.isNotFound ? ExitStatus.noInput : ExitStatus.ioError).code
    }
}

/// A `--delimiter` value: `,` `;` `|`, or a tab written as `tab`, `\t` or a real tab.
struct DelimiterArgument: ExpressibleByArgument {
    var byte: UInt8

    init?(argument: String) {
        switch argument {
        case ",", ";", "|": byte = argument.utf8.first!
        case "tab", "\\t", "\t": byte = UInt8(ascii: "\t")
        default: return nil
        }
    }

    static var allValueStrings: [String] { [",", ";", "|", "tab"] }
}

/// An `--encoding` value; `cp1252` is accepted for `windows-1252`, `utf8` for `utf-8`.
struct EncodingArgument: ExpressibleByArgument {
    var encoding: CSVEncoding

    init(encoding: CSVEncoding) { self.encoding = encoding }

    init?(argument: String) {
        let name = argument.lowercased()
        let aliases: [String: CSVEncoding] = ["cp1252": .windows1252, "utf8": .utf8]
        guard let encoding = CSVEncoding(rawValue: name) ?? aliases[name] else { return nil }
        self.encoding = encoding
    }

    var defaultValueDescription: String { encoding.rawValue }
    static var allValueStrings: [String] { CSVEncoding.allCases.map(\.rawValue) }
}
