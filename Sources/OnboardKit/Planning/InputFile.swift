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
        var reader = try Self.open(path, options: options)
        var preamble: [String]?
        var header = try Self.nextHeaderRecord(reader, path: path)
        if HeaderMapping.isPreamble(header.fields) {
            preamble = header.fields
            header = try Self.nextHeaderRecord(reader, path: path)
            // The delimiter was detected on the `version:` line, which has none: detect it on the
            // header instead and read the file again with it (a `;` template from a European Excel).
            if options.delimiter == nil, header.fields.count == 1,
                let delimiter = Self.likelyDelimiter(header.fields[0])
            {
                var explicit = options
                explicit.delimiter = delimiter
                reader = try Self.open(path, options: explicit)
                _ = try Self.nextHeaderRecord(reader, path: path)
                header = try Self.nextHeaderRecord(reader, path: path)
            }
        }
        self.reader = reader
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

    private static func open(_ path: String, options: CSVReaderOptions) throws(PlanError) -> CSVReader {
        do throws(CSVInputError) {
            return try CSVReader(path: path, options: options)
        } catch {
            throw error.isNotFound
                ? PlanError(.missingFile, path: path, message: "no such file; check the path")
                : PlanError(.inputOutput, path: path, message: "cannot be read: \(error.reason)")
        }
    }

    /// The most frequent of `;`, tab and `|` in a header read as one field, if any.
    private static func likelyDelimiter(_ text: String) -> UInt8? {
        let candidates: [UInt8] = [UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]
        let counts = candidates.map { candidate in text.utf8.filter { $0 == candidate }.count }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else {
            return nil
        }
        return candidates[best]
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
            // A NUL as the first or second byte of the header is the mark of UTF-16 text without a
            // byte-order mark (`t\0e\0` or `\0t\0e`), which only a given encoding could read.
            let isLikelyUTF16 = issue.kind == .nulByte && issue.line == 1 && issue.column <= 2
            throw PlanError(
                .unusableInput, path: "\(path):\(issue.line):\(issue.column)",
                message: "the header line is not readable CSV: \(issue.message)"
                    + (isLikelyUTF16
                        ? "; it looks like UTF-16 without a byte-order mark: save it as UTF-8, or as "
                            + "Unicode text (UTF-16 with a mark)" : ""))
        case .success(let record):
            return record
        }
    }
}
