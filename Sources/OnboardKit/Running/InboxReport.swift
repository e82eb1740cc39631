/// What one `onboard run` did: each file's verdict and place, and the import's own report.
public struct InboxReport: Sendable {
    public var runID: InboxRunID
    /// The files the run took, in processing order, with where each went.
    public var files: [InboxFile]
    /// Files left because they changed within the last `wait-seconds`.
    public var settling: [String]
    /// The import's output folder, when the run imported something.
    public var outputFolder: String?
    /// What the import did, when it ran to the end.
    public var importReport: ImportReport?
    /// Why the import stopped; its files are still in the inbox.
    public var importFailure: PlanError?
    /// The signal that stopped the run before its import finished (or began); the import's files
    /// are still in the inbox.
    public var interruption: RunInterruption.Signal?

    public init(runID: InboxRunID, files: [InboxFile], settling: [String]) {
        self.runID = runID
        self.files = files
        self.settling = settling
    }

    /// True when a file could not be read at all and went to the failed folder.
    public var hasUnusableFiles: Bool {
        files.contains { if case .unusable = $0.verdict { true } else { false } }
    }

    /// The lines `onboard run` prints: a headline, one line per file, then the import's report.
    public var text: String {
        var counts: [String: Int] = [:]
        var lines: [String] = []
        for file in files {
            let (word, detail) = Self.describe(file, isImported: importFailure == nil && interruption == nil)
            counts[word, default: 0] += 1
            lines.append("  " + word.padding(toLength: 18, withPad: " ", startingAt: 0) + detail)
        }
        let order = ["imported", "already processed", "failed", "waiting", "not imported"]
        let tally = order.compactMap { word in counts[word].map { "\($0) \(word)" } }
        var text =
            "Run \(runID): " + tally.joined(separator: ", ") + "\n" + lines.joined(separator: "\n") + "\n"
        if !settling.isEmpty {
            text += "Left for a later run, changed in the last seconds: \(settling.joined(separator: ", "))\n"
        }
        if let importReport { text += "\n" + importReport.text }
        return text
    }

    /// The verdict's word and the rest of the file's line.
    private static func describe(_ file: InboxFile, isImported: Bool) -> (String, String) {
        let place = file.destination.map { " -> \($0)" } ?? ""
        switch file.verdict {
        case .importable(let format):
            guard isImported else {
                return (
                    "not imported",
                    "\(file.name): the import did not finish; left in the inbox for the next run"
                )
            }
            return ("imported", "\(file.name) (\(format.title))\(place)")
        case .alreadyProcessed(let entry):
            let same = entry.name == file.name ? "" : " as \(entry.name)"
            return (
                "already processed",
                "\(file.name): the same content was imported by run \(entry.runID)\(same); not imported again\(place)"
            )
        case .unusable(let reason):
            return ("failed", "\(file.name): \(reason)\(place) (reason in \(file.reasonFileName))")
        case .waiting(let reason):
            return ("waiting", "\(file.name): \(reason)")
        }
    }
}
