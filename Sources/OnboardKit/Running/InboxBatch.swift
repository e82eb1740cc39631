/// What one run takes from the inbox: the ready files with their verdicts, in the order they are
/// processed (customers files first, then users files, each by name; then the rest by name).
public struct InboxBatch: Sendable, Hashable {
    public var runID: InboxRunID
    public var files: [InboxFile]
    /// Files left because they changed within the last `wait-seconds` (maybe still being copied).
    public var settling: [String]

    public init(runID: InboxRunID, files: [InboxFile], settling: [String]) {
        self.runID = runID
        self.files = files
        self.settling = settling
    }

    /// True when no file is ready: the run has nothing to do and says nothing.
    public var isEmpty: Bool { files.isEmpty }

    /// Puts the files in processing order and decides which wait for a later run.
    ///
    /// An import reads one customers file (``PlanRequest/customersPath``), so a run takes the first
    /// customers file by name; further customers files wait for the next runs (one each), and the
    /// users files wait with them until the last customers file is imported, so every user's tenant
    /// exists when the user is read. A file with the same content as one imported earlier in the run
    /// is archived as already processed.
    static func ordered(_ files: [InboxFile], runID: InboxRunID) -> [InboxFile] {
        let byName = files.sorted { $0.name < $1.name }
        let customers = byName.filter { $0.importFormat == .customers }
        let users = byName.filter { $0.importFormat?.holdsUsers == true }
        var ordered: [InboxFile] = []
        var imported: [String: InboxLedger.Entry] = [:]
        for var file in customers + users {
            if let sha = file.sha256, let earlier = imported[sha] {
                file.verdict = .alreadyProcessed(earlier)
            } else if customers.count > 1, file.name != customers[0].name {
                file.verdict = .waiting(
                    reason: file.importFormat == .customers
                        ? "one customers file per run; a later run takes it"
                        : "waits until the customers files before it are imported, so its tenants exist")
            } else if let sha = file.sha256 {
                imported[sha] = InboxLedger.Entry(sha256: sha, runID: runID, name: file.name)
            }
            ordered.append(file)
        }
        return ordered + byName.filter { $0.importFormat == nil }
    }
}
