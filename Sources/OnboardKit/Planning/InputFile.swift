import CSVStream

/// An input file opened for intake: the reader, positioned after the header, and the header's mapping.
///
/// A class because it owns the reader (an open file).
final class InputFile {
    let path: String
    let reader: CSVReader
    let mapping: HeaderMapping

    /// Opens `path`, reads the portal's `version:` line if there is one and the header, and maps it.
    init(path: String, options: CSVReaderOptions, expecting formats: Set<InputFormat>) throws(PlanError) {
        self.path = path
        do throws(CSVInputError) {
            reader = try CSVReader(path: path, options: options)
        } catch {
            throw error.isNotFound
                ? PlanError(.missingFile, path: path, message: "no such file; check the path")
                : PlanError(.inputOutput, path: path, message: "cannot be read: \(error.reason)")
        }
        var preamble: [String]?
        var header = try Self.nextHeaderRecord(reader, path: path)
        if HeaderMapping.isPreamble(header.fields) {
            preamble = header.fields
            header = try Self.nextHeaderRecord(reader, path: path)
        }
        do throws(HeaderError) {
            mapping = try HeaderMapping.detect(header: header.fields, preamble: preamble, expecting: formats)
        } catch {
            throw PlanError(.unusableInput, path: "\(path):\(header.position.line)", message: error.message)
        }
    }

    /// The delimiter found (`,` when the file had nothing to detect it from).
    var delimiter: UInt8 { reader.delimiter ?? UInt8(ascii: ",") }

    /// The next data record, a malformed one as `CSVIssue`, or `nil` at the end.
    func next() throws(PlanError) -> Result<CSVRecord, CSVIssue>? {
        do throws(CSVInputError) {
            return try reader.next()
        } catch {
            throw PlanError(.inputOutput, path: path, message: "cannot be read: \(error.reason)")
        }
    }

    private static func nextHeaderRecord(_ reader: CSVReader, path: String) throws(PlanError) -> CSVRecord {
        let first: Result<CSVRecord, CSVIssue>?
        do throws(CSVInputError) {
            first = try reader.next()
        } catch {
            throw PlanError(.inputOutput, path: path, message: "cannot be read: \(error.reason)")
        }
        switch first {
        case nil:
            throw PlanError(
                .unusableInput, path: path, message: HeaderError(kind: .empty, header: []).message)
        case .failure(let issue):
            throw PlanError(
                .unusableInput, path: "\(path):\(issue.line):\(issue.column)",
                message: "the header line is not readable CSV: \(issue.message)")
        case .success(let record):
            return record
        }
    }
}
