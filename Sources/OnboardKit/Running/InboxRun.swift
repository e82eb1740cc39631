import CSVStream
import Foundation
import Logging
import OnboardCore
import Reports

/// One `onboard run`: takes the files ready in the inbox, imports them through the ``Importer`` (as
/// `onboard import` does) and moves each away: imported and already-imported files to
/// `ARCHIVE/RUN-ID/`, files that could not be read at all to `FAILED/RUN-ID/` with a reason file.
///
/// Two steps, so an empty inbox costs a folder listing and nothing else (no store opened, no folder
/// made): ``hasReadyFiles(now:)`` and ``collect(now:runID:)`` read (list, hash, recognise headers)
/// and change nothing; ``process(_:directory:)`` moves, imports and records. The caller holds the
/// store lock around `collect` and `process`.
public struct InboxRun: Sendable {
    public var configuration: OnboardConfiguration
    public var logger: Logger
    /// When requested (a signal), the import stops as `onboard import` does, and its files stay in
    /// the inbox, unrecorded, for the next run.
    public var interruption: RunInterruption?
    /// Counted as the import goes, for a progress line.
    public var progress: RunProgress?

    public init(
        configuration: OnboardConfiguration,
        logger: Logger = Logger(label: "onboard.run", factory: { _ in SwiftLogNoOpLogHandler() }),
        interruption: RunInterruption? = nil, progress: RunProgress? = nil
    ) {
        self.configuration = configuration
        self.logger = logger
        self.interruption = interruption
        self.progress = progress
    }

    /// The folder a run writes its reports to: `OUT/run-RUN-ID` (`out` defaults to `reports`).
    public func outputFolder(_ runID: InboxRunID) -> String {
        (configuration.outputFolder ?? "reports") + "/run-" + runID.rawValue
    }

    /// True when a file is ready in the inbox: a listing only, reading no file, so an idle run costs
    /// next to nothing and need not wait for the store's lock.
    public func hasReadyFiles(now: Date = Date()) throws(InboxError) -> Bool {
        try !InboxFolder(settings: configuration.inbox).readyFiles(now: now).ready.isEmpty
    }

    /// Lists the inbox and decides about every ready file; moves and writes nothing.
    ///
    /// A file's header is recognised by the intake's own reader and ``HeaderMapping`` (the same
    /// decision `onboard import` makes); its SHA-256 is looked up in the ``InboxLedger``.
    public func collect(now: Date = Date(), runID: InboxRunID? = nil) throws(InboxError) -> InboxBatch {
        let runID = runID ?? InboxRunID.make(now: now)
        let folder = InboxFolder(settings: configuration.inbox)
        let listing = try folder.readyFiles(now: now)
        if !listing.settling.isEmpty {
            logger.debug(
                "inbox files left to settle",
                metadata: ["files": "\(listing.settling)", "wait.seconds": "\(configuration.inbox.wait)"])
        }
        guard !listing.ready.isEmpty else {
            return InboxBatch(runID: runID, files: [], settling: listing.settling)
        }
        let ledger = try InboxLedger(archiveFolder: configuration.inbox.archive)
        var files: [InboxFile] = []
        for name in listing.ready {
            if let file = judge(name, path: folder.path(of: name), ledger: ledger) { files.append(file) }
        }
        return InboxBatch(
            runID: runID, files: InboxBatch.ordered(files, runID: runID), settling: listing.settling)
    }

    /// The verdict on one ready file; `nil` when it vanished since the listing.
    private func judge(_ name: String, path: String, ledger: InboxLedger) -> InboxFile? {
        let sha256: String
        do {
            sha256 = try InputFileDigest.sha256(ofFileAt: path).hex
        } catch {
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            return InboxFile(name: name, path: path, sha256: nil, verdict: .unusable(reason: "\(error)"))
        }
        if let entry = ledger.entry(sha256: sha256) {
            return InboxFile(name: name, path: path, sha256: sha256, verdict: .alreadyProcessed(entry))
        }
        do throws(PlanError) {
            let input = try InputFile(
                path: path, options: CSVReaderOptions(), expecting: Set(InputFormat.allCases))
            return InboxFile(
                name: name, path: path, sha256: sha256, verdict: .importable(input.mapping.format))
        } catch {
            if error.kind == .missingFile { return nil }
            return InboxFile(
                name: name, path: path, sha256: sha256, verdict: .unusable(reason: error.description))
        }
    }

    /// Moves the unusable and already-imported files, imports the importable ones into `directory`,
    /// records their contents in the ledger and archives them.
    ///
    /// When the import fails (``InboxReport/importFailure``) or is interrupted
    /// (``InboxReport/interruption``), its files stay in the inbox, unrecorded, for the next run.
    ///
    /// - Throws: ``InboxError`` when a file cannot be moved or the ledger cannot be written.
    public func process(_ batch: InboxBatch, directory: any Directory) throws(InboxError) -> InboxReport {
        let folder = InboxFolder(settings: configuration.inbox)
        var report = InboxReport(runID: batch.runID, files: batch.files, settling: batch.settling)
        for index in report.files.indices {
            let file = report.files[index]
            switch file.verdict {
            case .unusable(let reason):
                let failed = folder.failedFolder(batch.runID)
                try folder.write(
                    "onboard run \(batch.runID) could not use \(file.name):\n\(reason)\n",
                    to: file.reasonFileName, in: failed)
                report.files[index].destination = try folder.move(file.name, into: failed)
                logger.warning(
                    "inbox file failed",
                    metadata: [
                        "file.name": "\(file.name)", "reason": "\(reason)", "run.id": "\(batch.runID)",
                    ])
            case .alreadyProcessed(let entry):
                report.files[index].destination = try folder.move(
                    file.name, into: folder.archiveFolder(batch.runID))
                logger.info(
                    "inbox file already processed",
                    metadata: [
                        "file.name": "\(file.name)", "file.sha256": "\(entry.sha256)",
                        "processed.run.id": "\(entry.runID)", "processed.name": "\(entry.name)",
                    ])
            case .importable, .waiting:
                continue
            }
        }
        let toImport = report.files.indices.filter { report.files[$0].importFormat != nil }
        guard !toImport.isEmpty else { return report }

        if let signal = interruption?.signal {
            report.interruption = signal
            return report
        }
        let imported = toImport.map { report.files[$0] }
        let output = outputFolder(batch.runID)
        report.outputFolder = output
        let plan = PlanRequest(
            customersPath: imported.first { $0.importFormat == .customers }?.path,
            usersPaths: imported.filter { $0.importFormat?.holdsUsers == true }.map(\.path),
            outputDirectory: output, policy: configuration.validation.policy)
        let request = ImportRequest(plan: plan, jobs: configuration.jobs, retry: configuration.retry)
        let importReport: ImportReport
        do throws(PlanError) {
            importReport = try Importer(
                directory: directory, logger: logger, interruption: interruption, progress: progress
            ).run(request)
        } catch {
            report.importFailure = error
            return report
        }
        report.importReport = importReport
        if let signal = importReport.interruption {
            // Not every row was read: the next run imports these files again (what was applied stays).
            report.interruption = signal
            return report
        }
        var ledger = try InboxLedger(archiveFolder: configuration.inbox.archive)
        try folder.makeFolder(configuration.inbox.archive)
        try ledger.record(
            imported.compactMap { file in
                file.sha256.map { InboxLedger.Entry(sha256: $0, runID: batch.runID, name: file.name) }
            })
        for index in toImport {
            report.files[index].destination = try folder.move(
                report.files[index].name, into: folder.archiveFolder(batch.runID))
        }
        logger.info(
            "inbox files imported",
            metadata: [
                "run.id": "\(batch.runID)", "files": "\(imported.map(\.name))",
                "out.path": "\(output)",
            ])
        return report
    }
}
