import CSVStream
import Foundation

/// The rows of one input that did not go through, in the input's own columns plus `line` and `reason`.
///
/// A person fixes the rows in place and feeds the file back in as it is: the header (and a portal
/// template's `version:v1.0` line) is the input's own, the delimiter too, and the intake ignores
/// the added `line` and `reason` columns. Written with the formula guard on, so a value such as
/// `=HYPERLINK(…)` cannot run when the file is opened in a spreadsheet (the intake drops the guard
/// when reading the file back). Passwords are blanked: a password is only ever written to a
/// credential sheet.
///
/// The rows go to a temporary name in the same folder (`.NAME.tmp-PID-RANDOM`); `close()` flushes it
/// to disk and renames it into place, so a killed run leaves no half-written rejects file.
public final class RejectsFile {
    /// The path the file gets on `close()`.
    public let path: String
    /// Where the rows go until then.
    public let temporaryPath: String
    private var isInPlace = false
    private let writer: CSVFileWriter
    /// The input's columns that are copied (all but an earlier rejects file's `line` and `reason`).
    private let keptColumns: [Int]
    private let passwordColumn: Int?
    private let width: Int
    /// Rows written so far.
    public private(set) var count = 0

    /// Creates the file and writes the input's preamble and header.
    public init(path: String, mapping: HeaderMapping, delimiter: UInt8, byteOrderMark: Bool)
        throws(CSVOutputError)
    {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporaryPath =
            url.deletingLastPathComponent().path + "/." + url.lastPathComponent
            + ".tmp-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        let options = CSVWriterOptions(
            delimiter: delimiter, lineEnding: .crlf, byteOrderMark: byteOrderMark, guardsFormulas: true)
        writer = try CSVFileWriter(path: temporaryPath, options: options, permissions: 0o600)
        keptColumns = mapping.header.indices.filter {
            !HeaderMapping.rejectsColumns.contains(HeaderName(mapping.header[$0]).label)
        }
        passwordColumn = mapping.column(of: .password)
        width = mapping.header.count
        do throws(CSVOutputError) {
            if let preamble = mapping.preamble { try writer.write(preamble) }
            try writer.write(keptColumns.map { mapping.header[$0] } + ["line", "reason"])
        } catch {
            abandon()
            throw error
        }
    }

    deinit { abandon() }

    /// Writes one rejected row with the reasons it was rejected.
    public func write(_ row: IntakeRow, findings: [Finding]) throws(CSVOutputError) {
        var fields = row.fields.map(\.removingFormulaGuard)
        if fields.count < width { fields += Array(repeating: "", count: width - fields.count) }
        var reasons = findings.filter(\.isError).map(Self.reason)
        if let passwordColumn, passwordColumn < fields.count, !fields[passwordColumn].isEmpty {
            fields[passwordColumn] = ""
            reasons.append(
                "[password.removed] \(row.column(.password)): The password was removed from this file; enter it again or leave it empty to have one generated."
            )
        }
        // Columns past the header (a row with too many fields) are kept, so nothing typed is lost.
        let copied = keptColumns.map { fields[$0] } + (fields.count > width ? Array(fields[width...]) : [])
        try writer.write(copied + [String(row.line), reasons.joined(separator: " ")])
        count += 1
    }

    /// Flushes the file to disk, closes it and renames it into place; the last place a full disk
    /// shows. On failure the temporary file is removed and the final name left as it was.
    public func close() throws(CSVOutputError) {
        guard !isInPlace else { return }
        do throws(CSVOutputError) {
            try writer.close(synchronize: true)
            guard rename(temporaryPath, path) == 0 else {
                throw CSVOutputError(path: path, operation: .close, code: errno)
            }
            isInPlace = true
        } catch {
            abandon()
            throw error
        }
    }

    /// Drops the rows written: the temporary file is removed, the final name left as it was.
    public func abandon() {
        guard !isInPlace else { return }
        isInPlace = true
        try? writer.close()
        unlink(temporaryPath)
    }

    static func reason(_ finding: Finding) -> String {
        var text = "[\(finding.code)] "
        if let field = finding.field { text += "\(field): " }
        text += finding.message
        return text
    }
}
