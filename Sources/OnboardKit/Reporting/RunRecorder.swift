import Foundation
import Reports

/// Writes one run's reports: every outcome goes, in input order, to `report.xml`, `report.html` and
/// `summary.json` in the output folder.
///
/// Each file appears under its final name only when the run finishes (a temporary name, then a
/// rename), so an interrupted run leaves no half-written report; `abandon()` drops them. Each
/// output counts the rows it is given itself, so their totals agree because every row read goes
/// through `record`, malformed records, duplicates and conflicts included. Memory stays flat:
/// the XML streams, the HTML keeps at most its row cap, the summary keeps counts.
///
/// Call `begin`, then `record` for every row in input order from one thread, then `finish`.
/// A class because it owns the open report files.
public final class RunRecorder {
    /// The folder the reports go to (it must exist).
    public let outputDirectory: String
    private let xml: XMLReportWriter
    private let html: HTMLReportWriter
    private var summary = RunSummary(fileCount: 0)
    private var files: [InputFileInfo] = []
    private var recordNumbers = RecordNumbers(fileCount: 0)
    /// The input file of the last row recorded (an index into `files`), and that row's line.
    private var currentFile = 0
    private var lastLine = 0
    private var isOpen = false

    public init(outputDirectory: String, htmlRowCap: Int = HTMLReportWriter.defaultRowCap) {
        self.outputDirectory = outputDirectory
        xml = XMLReportWriter(path: outputDirectory + "/report.xml")
        html = HTMLReportWriter(path: outputDirectory + "/report.html", rowCap: htmlRowCap)
    }

    deinit { abandon() }

    public var reportPath: String { xml.path }
    public var htmlPath: String { html.path }
    public var summaryPath: String { outputDirectory + "/summary.json" }

    private var sinks: [any ReportSink] { [xml, html] }

    /// Starts the reports: the run's metadata and its input files, in the order they are read.
    public func begin(_ metadata: RunMetadata, files: [InputFileInfo]) throws(ReportOutputError) {
        self.files = files
        summary = RunSummary(fileCount: files.count)
        recordNumbers = RecordNumbers(fileCount: files.count)
        currentFile = 0
        lastLine = 0
        isOpen = true
        for sink in sinks {
            try Self.failing(path: outputDirectory) { try sink.begin(metadata, files: files) }
        }
    }

    /// One more row, in input order.
    public func record(_ outcome: Reports.RowOutcome) throws(ReportOutputError) {
        let file = fileIndex(of: outcome.position)
        recordNumbers.note(file: file, line: outcome.position.line, record: outcome.position.record)
        summary.add(outcome, file: file)
        for sink in sinks {
            try Self.failing(path: outputDirectory) { try sink.record(outcome) }
        }
    }

    /// Where an earlier row of this run is, from the deduplicator's compact location; `nil` when
    /// no row was recorded there.
    public func position(of location: RowLocation) -> Reports.RowOutcome.Position? {
        let file = Int(location.file)
        let line = Int(location.line)
        guard files.indices.contains(file), let record = recordNumbers.record(file: file, line: line) else {
            return nil
        }
        return Reports.RowOutcome.Position(file: files[file].path, line: line, record: record)
    }

    /// Ends the run: writes the rest of every report and puts them all in place.
    ///
    /// `inputs` describe the input files for `summary.json` (role, rejects file, …); their counts
    /// are the ones tallied here. On failure no report of this run stays under its final name: the
    /// ones not yet in place are dropped, the ones already renamed into place are removed (a full
    /// disk while the HTML page is written must not leave a `report.xml` of a run that failed).
    public func finish(
        _ ending: RunEnding, inputs: [InputFileSummary], provisioning: ProvisioningTotals? = nil
    ) throws(ReportOutputError) {
        var placed: [String] = []
        var summaryFile: AtomicFile?
        do throws(ReportOutputError) {
            // summary.json is written (under its temporary name) first, so a full disk most likely
            // stops the run before any report is renamed into place.
            summaryFile = try Self.failing(path: summaryPath) {
                let bytes = try summary.encoded(
                    files: inputs, runWarnings: ending.warnings.count, provisioning: provisioning,
                    interrupted: ending.metadata.interruptingSignal)
                let file = try AtomicFile(path: summaryPath, permissions: 0o600)
                try bytes.withUnsafeBytes { try file.write($0) }
                return file
            }
            for (sink, path) in [(xml as any ReportSink, xml.path), (html, html.path)] {
                try Self.failing(path: outputDirectory) { try sink.finish(ending) }
                placed.append(path)
            }
            try Self.failing(path: summaryPath) { try summaryFile?.commit() }
            isOpen = false
        } catch {
            summaryFile?.abandon()
            abandon()
            for path in placed { unlink(path) }
            throw error
        }
    }

    /// Drops every report not yet in place; reports of an earlier run under the same names stay.
    public func abandon() {
        guard isOpen else { return }
        isOpen = false
        for sink in sinks { sink.abandon() }
    }

    /// The rows recorded so far, by kind, as `summary.json` counts them.
    public var rows: PlanCounts { summary.rows }

    /// The index of the input file holding `position`: the current one, or the next of that path
    /// (an input given twice starts again at its first line; an empty input has no rows).
    private func fileIndex(of position: Reports.RowOutcome.Position) -> Int {
        if files.indices.contains(currentFile), files[currentFile].path == position.file,
            position.line > lastLine
        {
            lastLine = position.line
            return currentFile
        }
        let start = lastLine == 0 ? currentFile : currentFile + 1
        if let next = files.indices.dropFirst(start).first(where: { files[$0].path == position.file }) {
            currentFile = next
        }
        lastLine = position.line
        return currentFile
    }

    /// Runs `body`, turning whatever it throws into a `ReportOutputError` about `path`.
    private static func failing<Value>(path: String, _ body: () throws -> Value) throws(ReportOutputError)
        -> Value
    {
        do {
            return try body()
        } catch let error as ReportOutputError {
            throw error
        } catch {
            throw ReportOutputError(.write, path: path, code: 0, message: "\(error)")
        }
    }
}
