import CLibXML2
import Foundation

/// Writes `report.xml` as the outcomes arrive, through libxml2's `xmlTextWriter`.
///
/// Nothing is kept per row: each outcome is serialized when it is recorded and libxml2 flushes its
/// small buffer to the file, so memory stays flat for millions of rows. The document follows
/// `reports/schema/onboard-report.xsd` (namespace `urn:onboard:report:1`): run and input files
/// first, then every row, then tenants, warnings, totals (tallied from the rows written) and timings.
/// The file is written under a temporary name and renamed into place by `finish` (`AtomicFile`).
///
/// Secrets cannot get in: the model holds none (a `Secret` is never a field of an outcome), and the
/// pipeline passes `nil` as the value of a secret column.
public final class XMLReportWriter: ReportSink {
    /// The namespace of the report, versioned: a breaking change of the schema gets a new number.
    public static let namespace = "urn:onboard:report:1"
    public static let schemaVersion = "1"

    public let path: String
    private var output: XMLOutput?
    private var totals = RunTotals()

    /// A writer for `path`; nothing is created until `begin`.
    private let writeBytes: AtomicFile.WriteFunction

    public convenience init(path: String) {
        self.init(path: path, write: { Foundation.write($0, $1, $2) })
    }

    /// A writer whose `write(2)` is `write`; tests inject a full disk through it.
    package init(path: String, write: @escaping AtomicFile.WriteFunction) {
        self.path = path
        self.writeBytes = write
    }

    deinit { abandon() }

    public func begin(_ metadata: RunMetadata, files: [InputFileInfo]) throws {
        let output = try XMLOutput(path: path, write: writeBytes)
        self.output = output
        try output.startDocument()
        try output.start("report")
        try output.attribute("xmlns", Self.namespace)
        try output.attribute("schemaVersion", Self.schemaVersion)
        try output.start("run")
        try output.attribute("id", metadata.runID)
        try output.attribute("command", metadata.command.rawValue)
        try output.attribute("toolVersion", metadata.toolVersion)
        try output.attribute("started", Timestamp.iso8601(metadata.started))
        try output.attribute("jobs", String(metadata.jobs))
        try output.attribute("deterministic", String(metadata.isDeterministic))
        for option in metadata.options {
            try output.start("option")
            try output.attribute("name", option.name)
            try output.attribute("value", option.value)
            try output.end()
        }
        try output.end()
        try output.start("inputs")
        for file in files {
            try output.start("file")
            try output.attribute("path", file.path)
            try output.attribute("sha256", file.sha256)
            try output.attribute("size", String(file.size))
            try output.attribute("format", file.format)
            try output.attribute("encoding", file.encoding)
            try output.attribute("delimiter", file.delimiter)
            try output.attribute("rows", String(file.rows))
            try output.end()
        }
        try output.end()
        try output.start("rows")
    }

    public func record(_ outcome: RowOutcome) throws {
        guard let output else { throw notStarted() }
        totals.add(outcome)
        try output.start("row")
        try output.position(outcome.position)
        try output.attribute("kind", outcome.kind.rawValue)
        if outcome.isConflict { try output.attribute("conflict", "true") }
        try output.attribute("entity", outcome.entity.rawValue)
        try output.attribute("key", outcome.key)
        try output.attribute("tenant", outcome.tenant)
        if let firstSeen = outcome.firstSeen {
            try output.start("firstSeen")
            try output.position(firstSeen)
            try output.end()
        }
        for finding in outcome.findings {
            try output.start("finding")
            try output.attribute("code", finding.code)
            try output.attribute("severity", finding.severity.rawValue)
            try output.attribute("field", finding.field)
            try output.element("message", finding.message)
            if let value = finding.value { try output.element("value", value) }
            try output.end()
        }
        try output.end()
    }

    public func finish(_ ending: RunEnding) throws {
        guard let output else { throw notStarted() }
        try output.end()  // rows
        try output.start("tenants")
        for tenant in ending.tenants {
            try output.start("tenant")
            try output.attribute("prefix", tenant.prefix)
            try output.attribute("company", tenant.company)
            try output.attribute("action", tenant.action.rawValue)
            try output.attribute("usersCreated", String(tenant.usersCreated))
            try output.attribute("usersUpdated", String(tenant.usersUpdated))
            try output.attribute("usersUnchanged", String(tenant.usersUnchanged))
            try output.attribute("usersRejected", String(tenant.usersRejected))
            for step in tenant.stepsDone {
                try output.start("step")
                try output.attribute("name", step)
                try output.end()
            }
            try output.end()
        }
        try output.end()
        try output.start("warnings")
        for warning in ending.warnings {
            try output.start("warning")
            try output.attribute("code", warning.code)
            try output.attribute("file", warning.file)
            try output.attribute("line", warning.line.map(String.init))
            try output.text(warning.message)
            try output.end()
        }
        try output.end()
        var totals = self.totals
        totals.warnings += ending.warnings.count
        try output.start("totals")
        try output.attribute("warnings", String(totals.warnings))
        try output.attribute("conflicts", String(totals.conflicts))
        let groups: [(StaticString, RunTotals.Counts)] = [
            ("rows", totals.rows), ("customers", totals.customers), ("users", totals.users),
        ]
        for (name, counts) in groups {
            try output.start(name)
            for kind in RowOutcome.Kind.allCases {
                try output.attribute(named: kind.rawValue, String(counts[kind]))
            }
            try output.attribute("total", String(counts.total))
            try output.end()
        }
        try output.end()
        let metadata = ending.metadata
        try output.start("end")
        try output.attribute("finished", Timestamp.iso8601(metadata.finished ?? metadata.started))
        try output.attribute("interrupted", String(metadata.isInterrupted))
        if let signal = metadata.interruptingSignal { try output.attribute("signal", signal) }
        for timing in ending.timings {
            try output.start("timing")
            try output.attribute("phase", timing.phase)
            let seconds = metadata.isDeterministic ? 0 : max(0, timing.seconds)
            try output.attribute("seconds", String(format: "%.3f", seconds))
            try output.end()
        }
        try output.end()
        try output.finish()
        self.output = nil
    }

    public func abandon() {
        output?.abandon()
        output = nil
    }

    private func notStarted() -> ReportOutputError {
        ReportOutputError(
            .write, path: path, code: 0, message: "the report was not begun (begin() not called)")
    }
}
