import CSVStream
import Reports

/// What the reports say about an input before its first row: which bytes, which layout, how many rows.
///
/// `report.xml` lists the inputs before the rows, so each input is read once ahead of the run:
/// SHA-256 and size of its bytes, then its header mapped and its records counted on the reader's
/// string-free path (a fraction of the time the run itself takes). Rows are counted as the run
/// records them: malformed records count, records whose fields are all blank do not.
enum InputSurvey {
    /// The report's description of the input at `path`, read as one of `formats`.
    static func info(
        path: String, options: CSVReaderOptions, expecting formats: Set<InputFormat>
    ) throws(PlanError) -> InputFileInfo {
        let file = try InputFile(path: path, options: options, expecting: formats)
        var rows = 0
        do throws(CSVInputError) {
            while let next = try file.reader.nextRaw({ isBlank($0) }) {
                if case .success(true) = next { continue }
                rows += 1
            }
        } catch {
            throw PlanError(.inputOutput, path: path, message: "cannot be read: \(error.reason)")
        }
        let digest: (hex: String, size: Int64)
        do {
            digest = try InputFileDigest.sha256(ofFileAt: path)
        } catch {
            throw PlanError(.inputOutput, path: path, message: "cannot be read: \(error)")
        }
        return InputFileInfo(
            path: path, sha256: digest.hex, size: digest.size, format: file.mapping.format.rawValue,
            encoding: file.reader.encoding.rawValue, delimiter: String(UnicodeScalar(file.delimiter)),
            rows: rows)
    }

    /// True when every field is empty or white space, as `PlanRun.isBlank` decides on strings.
    private static func isBlank(_ record: CSVRawRecord) -> Bool {
        for index in 0..<record.count {
            for byte in record[index] {
                if byte == 0x20 || (0x09...0x0D).contains(byte) { continue }
                if byte < 0x80 { return false }
                // Non-ASCII: no-break and ideographic spaces are white space too; decide on the string.
                return record.string(at: index).trimmingWhitespace.isEmpty
                    && (index + 1..<record.count).allSatisfy {
                        record.string(at: $0).trimmingWhitespace.isEmpty
                    }
            }
        }
        return true
    }
}
