import Foundation

/// Writes `report.html`: the run for a person, in one self-contained file.
///
/// Summary first (what happened in plain words, count cards, what needs attention), then tenants,
/// then the rows that need attention with file, line, field, reason and value, then warnings and
/// the input files. Built as a libxml2 HTML tree (`HTMLDocument`), so every value read from the
/// input is escaped. No JavaScript; inline CSS with print rules.
///
/// The sink keeps counts, and at most `rowCap` rows needing attention and `rowCap` warnings in
/// memory; past that the page says how many there are and that they are in `report.xml` and the
/// rejects files.
public final class HTMLReportWriter: ReportSink {
    public static let defaultRowCap = 1_000

    public let path: String
    public let rowCap: Int
    private var metadata: RunMetadata?
    private var files: [InputFileInfo] = []
    private var totals = RunTotals()
    /// The first `rowCap` rows that need attention, in input order.
    private(set) var attentionRows: [RowOutcome] = []
    /// The first `rowCap` warning findings of rows that went through.
    private(set) var rowWarnings: [(RowOutcome.Position, Finding)] = []
    private var rowWarningCount = 0

    /// Rows and warnings held for the page; never more than twice `rowCap`.
    public var heldRows: Int { attentionRows.count + rowWarnings.count }

    public init(path: String, rowCap: Int = HTMLReportWriter.defaultRowCap) {
        self.path = path
        self.rowCap = rowCap
    }

    public func begin(_ metadata: RunMetadata, files: [InputFileInfo]) throws {
        self.metadata = metadata
        self.files = files
    }

    public func record(_ outcome: RowOutcome) throws {
        totals.add(outcome)
        if outcome.needsAttention {
            if attentionRows.count < rowCap { attentionRows.append(outcome) }
        } else {
            for finding in outcome.findings where finding.severity == .warning {
                rowWarningCount += 1
                if rowWarnings.count < rowCap { rowWarnings.append((outcome.position, finding)) }
            }
        }
    }

    public func finish(_ ending: RunEnding) throws {
        var totals = self.totals
        totals.warnings += ending.warnings.count
        let page = HTMLReportPage(
            metadata: ending.metadata, files: files, totals: totals, tenants: ending.tenants,
            attentionRows: attentionRows, runWarnings: ending.warnings, rowWarnings: rowWarnings,
            rowWarningCount: rowWarningCount, rowCap: rowCap)
        let bytes: [UInt8]
        do {
            bytes = try page.render()
        } catch {
            throw ReportOutputError(
                .serialize, path: path, code: 0, message: "libxml2 could not serialize the HTML")
        }
        let file = try AtomicFile(path: path, permissions: 0o600)
        try bytes.withUnsafeBytes { try file.write($0) }
        try file.commit()
    }

    public func abandon() {
        attentionRows = []
        rowWarnings = []
    }
}
