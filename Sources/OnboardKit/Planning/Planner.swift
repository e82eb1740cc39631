import CSVStream
import Foundation
import Logging
import OnboardCore

/// Makes a plan: reads the inputs row by row, maps, validates and deduplicates them against a
/// directory, and says what an import would do, changing nothing.
///
/// Customers are read first (they are few) so that users can be checked against their tenant;
/// only dedup keys, tenant facts and per-tenant counts stay in memory, never rows.
public struct Planner: Sendable {
    /// The directory the plan compares with; only read, never written.
    public var directory: any Directory
    /// Where the run's start, each input's detected format and counts, and its end are logged.
    public var logger: Logger
    /// When requested (a signal), the plan stops reading and reports the rows read, marked interrupted.
    public var interruption: RunInterruption?
    /// Counted as the plan goes, for a progress line.
    public var progress: RunProgress?

    /// A planner against `directory`, logging to `logger` (by default nowhere).
    public init(
        directory: any Directory = InMemoryDirectory(),
        logger: Logger = Logger(label: "onboard.plan", factory: { _ in SwiftLogNoOpLogHandler() }),
        interruption: RunInterruption? = nil, progress: RunProgress? = nil
    ) {
        self.directory = directory
        self.logger = logger
        self.interruption = interruption
        self.progress = progress
    }

    /// Reads the inputs of `request`, writes `report.xml`, `report.html`, `summary.json` and the
    /// rejects files, returns the report.
    ///
    /// - Throws: `PlanError` when an input is missing or unusable or the output cannot be written
    ///   (then no report is left half-written); rejected rows are not errors, they are in the report.
    public func plan(_ request: PlanRequest) throws(PlanError) -> PlanReport {
        logger.info(
            "plan started",
            metadata: [
                "files.customers": "\(request.customersPath == nil ? 0 : 1)",
                "files.users": "\(request.usersPaths.count)", "out.path": "\(request.outputDirectory)",
            ])
        var run = PlanRun(directory: directory, request: request)
        run.interruption = interruption
        run.progress = progress
        try run.prepareOutput()
        try run.beginReports()
        do throws(PlanError) {
            if let path = request.customersPath {
                try run.readCustomers(path)
                log(run.report.files.last)
            }
            for path in request.usersPaths where run.stoppedBy == nil {
                try run.readUsers(path)
                log(run.report.files.last)
            }
            run.report.interruption = run.stoppedBy
            try run.finishReports()
        } catch {
            run.recorder.abandon()
            logger.error("plan failed", metadata: ["error": "\(error)"])
            throw error
        }
        let rows = run.report.rows
        logger.info(
            "plan finished",
            metadata: [
                "rows.read": .stringConvertible(rows.read), "rows.created": .stringConvertible(rows.created),
                "rows.updated": .stringConvertible(rows.updated),
                "rows.unchanged": .stringConvertible(rows.unchanged),
                "rows.rejected": .stringConvertible(rows.rejected),
                "rows.duplicate": .stringConvertible(rows.duplicate),
                "warnings": .stringConvertible(run.report.warnings),
            ])
        return run.report
    }

    /// Logs what was found in one input file once it has been read.
    private func log(_ file: InputFileSummary?) {
        guard let file else { return }
        logger.info(
            "input read",
            metadata: [
                "file.path": "\(file.path)", "file.role": "\(file.role)",
                "file.format": "\(file.format.rawValue)",
                "file.delimiter": "\(file.delimiter)", "file.encoding": "\(file.encoding)",
                "rows.read": .stringConvertible(file.counts.read),
                "rows.rejected": .stringConvertible(file.counts.rejected),
                "rows.duplicate": .stringConvertible(file.counts.duplicate),
            ])
        if !file.unknownColumns.isEmpty {
            logger.debug(
                "columns ignored",
                metadata: [
                    "file.path": "\(file.path)",
                    "file.unknown-columns": .array(file.unknownColumns.map { "\($0)" }),
                ])
        }
    }
}

/// The state of one plan while the inputs are read.
struct PlanRun {
    let directory: any Directory
    let request: PlanRequest
    let validator: UserValidator
    var deduplicator = Deduplicator()
    var catalog: TenantCatalog
    var report = PlanReport()
    /// Index into `report.tenants` by prefix ("" for users whose tenant is unknown).
    var tenantIndex: [String: Int] = [:]
    /// The tenant line `tenantPlan` gave last.
    var lastTenantPlan: (prefix: String, index: Int)?
    var rejectsNames: Set<String> = []
    /// The reports of the run; every row read goes to it through `settle`.
    let recorder: RunRecorder
    var reporting: PlanReporting
    /// For a duplicate or conflict being classified: where its key was first seen.
    var firstSeen: RowLocation?
    /// Set by an import: every row goes here, in input order, instead of into the rejects files
    /// (the import's outcome consumer writes those, once the row is applied or refused).
    var handOver: ((IntakeItem) throws(PlanError) -> Void)?
    /// An import's rejects files, left open for its consumer, which closes them at the end.
    var handedRejects: [RejectsFileHandle] = []
    /// The handle of the rejects file rows are being handed over with: one per file, not per row.
    var currentRejects: RejectsFileHandle?
    /// Asked to stop (a signal): no new row is read; what was read is reported.
    var interruption: RunInterruption?
    /// The signal that stopped the reading before the inputs' end; `nil` while reading goes on.
    var stoppedBy: RunInterruption.Signal?
    /// Counts rows as they are read, for a progress line.
    var progress: RunProgress?

    init(directory: any Directory, request: PlanRequest) {
        self.directory = directory
        self.request = request
        self.validator = UserValidator(policy: request.policy)
        self.catalog = TenantCatalog(directory: directory)
        report.outputDirectory = request.outputDirectory
        recorder = RunRecorder(outputDirectory: request.outputDirectory)
        reporting = PlanReporting(request: request)
    }

    var rejectsDirectory: String { request.outputDirectory + "/rejects" }

    /// The next record of `file`; `nil` at its end, or when a signal asks to stop (then noted in
    /// `stoppedBy`, so the run reads no further file either).
    mutating func nextRecord(of file: InputFile) throws(PlanError) -> Result<CSVRecord, CSVIssue>? {
        if stoppedBy != nil { return nil }
        if let interruption, interruption.isRequested {
            stoppedBy = interruption.signal
            return nil
        }
        return try file.next()
    }

    /// Creates the output folder and its `rejects/`, each missing folder on the way with mode 0700.
    ///
    /// Every input is checked to exist first, so a mistyped path leaves no empty output folder behind.
    mutating func prepareOutput() throws(PlanError) {
        for path in [request.customersPath].compactMap(\.self) + request.usersPaths
        where !FileManager.default.fileExists(atPath: path) {
            throw PlanError(.missingFile, path: path, message: "no such file; check the path")
        }
        var built = rejectsDirectory.hasPrefix("/") ? "" : "."
        for component in rejectsDirectory.split(separator: "/") {
            built += "/" + component
            guard mkdir(built, 0o700) != 0 else { continue }
            let code = errno
            var isDirectory: ObjCBool = false
            if code == EEXIST, FileManager.default.fileExists(atPath: built, isDirectory: &isDirectory),
                isDirectory.boolValue
            {
                continue
            }
            let reason =
                code == EEXIST ? "a file of that name is in the way" : String(cString: strerror(code))
            throw PlanError(.inputOutput, path: built, message: "cannot create the output folder: \(reason)")
        }
    }

    /// The tenant line of `prefix`, created on first use (`inDirectory` is asked only then).
    mutating func tenantPlan(_ prefix: String, inDirectory: @autoclosure () -> Bool = false) -> Int {
        // Users files list a tenant's users together: the last line asked for spares two look-ups.
        if let last = lastTenantPlan, last.prefix == prefix { return last.index }
        let index: Int
        if let known = tenantIndex[prefix] {
            index = known
        } else {
            report.tenants.append(TenantPlan(prefix: prefix, outcome: nil, isInDirectory: inDirectory()))
            index = report.tenants.count - 1
            tenantIndex[prefix] = index
        }
        lastTenantPlan = (prefix, index)
        return index
    }

    /// Opens the rejects file of an input: `rejects/<name>.rejects.csv`, `<name>-2.rejects.csv` for a
    /// second input of the same name.
    mutating func openRejects(for file: InputFile) throws(PlanError) -> RejectsFile {
        let base = (file.path as NSString).lastPathComponent
        var name = (base as NSString).deletingPathExtension + ".rejects.csv"
        var number = 1
        let stem = name
        while rejectsNames.contains(name) {
            number += 1
            name = stem.replacingOccurrences(of: ".rejects.csv", with: "-\(number).rejects.csv")
        }
        rejectsNames.insert(name)
        do throws(CSVOutputError) {
            return try RejectsFile(
                path: rejectsDirectory + "/" + name, mapping: file.mapping, delimiter: file.delimiter,
                byteOrderMark: file.reader.hadByteOrderMark)
        } catch {
            throw PlanError(.inputOutput, path: error.path, message: error.description)
        }
    }

    /// Notes a row's findings in the report and, for a rejected row, writes it to the rejects file.
    mutating func settle(
        _ row: IntakeRow, findings: RowFindings, outcome: RowOutcome, tenant: String?, rejects: RejectsFile,
        subject: @autoclosure () -> IntakeItem.Subject? = nil, isCustomer: Bool = false
    ) throws(PlanError) {
        progress?.rowRead()
        if handOver == nil {
            progress?.outcome(outcome, isCustomer: isCustomer)
            try record(row, findings: findings, outcome: outcome, tenant: tenant)
        }
        for warning in findings.items where !warning.isError {
            report.warnings += 1
            report.append(warning.description, to: \.warningLines)
        }
        if let handOver {
            // The import's consumer records the row in the reports once it is applied or refused.
            let applies = outcome == .create || outcome == .update || outcome == .unchanged
            let earlier = firstSeen
            firstSeen = nil
            if currentRejects?.file !== rejects { currentRejects = RejectsFileHandle(rejects) }
            return try handOver(
                IntakeItem(
                    isCustomer: isCustomer, row: row, findings: findings, intakeOutcome: outcome,
                    subject: applies ? subject() : nil, tenant: tenant, firstSeen: earlier,
                    rejects: currentRejects!))
        }
        guard outcome == .rejected || outcome == .conflict else { return }
        for error in findings.errors { report.append(error.description, to: \.rejectedLines) }
        do throws(CSVOutputError) {
            try rejects.write(row, findings: findings.items)
        } catch {
            throw PlanError(.inputOutput, path: error.path, message: error.description)
        }
    }

    /// The outcome of a row whose key was seen before in this run (noting where), or nil for a
    /// first sighting, which the caller compares with the directory.
    mutating func settleRepeat(_ sighting: KeyLedger.Sighting, row: IntakeRow) -> RowOutcome? {
        switch sighting {
        case .duplicate(let earlier):
            firstSeen = earlier
            report.append(
                "\(row.file):\(row.line): duplicate of \(deduplicator.describe(earlier)), skipped",
                to: \.duplicateLines)
            return .duplicate
        case .conflict(let earlier):
            firstSeen = earlier
            return .conflict
        case .first:
            return nil
        }
    }

    /// Turns a record the reader could not parse into a rejected row.
    static func malformed(_ issue: CSVIssue, in file: InputFile) -> (IntakeRow, RowFindings) {
        let record = CSVRecord(fields: [], position: issue.position)
        var findings = RowFindings(file: file.path, line: issue.position.line)
        findings.add(
            .malformedRecord, field: nil, value: nil,
            "Line \(issue.line), column \(issue.column): \(issue.message); the row is not in this rejects file "
                + "as written: copy it from the input.")
        return (IntakeRow(file: file.path, record: record, mapping: file.mapping), findings)
    }

    /// Closes an input's rejects file and records the file in the report.
    mutating func finish(_ file: InputFile, role: String, rejects: RejectsFile, counts: PlanCounts)
        throws(PlanError)
    {
        do throws(CSVOutputError) {
            // An import's rejects files stay open for its outcome consumer, which closes them.
            if handOver == nil {
                try rejects.close()
            } else {
                handedRejects.append(RejectsFileHandle(rejects))
            }
        } catch {
            throw PlanError(.inputOutput, path: error.path, message: error.description)
        }
        if !file.mapping.unknownColumns.isEmpty {
            report.warnings += 1
            reporting.noteUnknownColumns(file)
        }
        let delimiter = file.delimiter == 0x09 ? "\\t" : String(UnicodeScalar(file.delimiter))
        report.files.append(
            InputFileSummary(
                path: file.path, role: role, format: file.mapping.format, delimiter: delimiter,
                encoding: file.reader.encoding.rawValue, byteOrderMark: file.reader.hadByteOrderMark,
                unknownColumns: file.mapping.unknownColumns, rejects: rejects.path, counts: counts))
    }

    /// A directory that cannot be asked is an I/O failure of the run, not a problem of the row.
    static func unreachable(_ error: DirectoryError) -> PlanError {
        PlanError(.inputOutput, path: "directory", message: error.message)
    }

    static func isBlank(_ record: CSVRecord) -> Bool {
        record.fields.allSatisfy { $0.trimmingWhitespace.isEmpty }
    }
}
