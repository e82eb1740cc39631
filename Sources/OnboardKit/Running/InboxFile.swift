/// A file a run found ready in the inbox, what the run decided about it and where it went.
public struct InboxFile: Sendable, Hashable {
    /// What the run does with a file.
    public enum Verdict: Sendable, Hashable {
        /// Imported, as a file of this format; then archived.
        case importable(InputFormat)
        /// Its content was imported before (by the entry's run, under the entry's name): archived
        /// without being imported again.
        case alreadyProcessed(InboxLedger.Entry)
        /// It could not be read at all (not CSV, no recognisable header, unreadable): moved to the
        /// failed folder with a reason file.
        case unusable(reason: String)
        /// Left in the inbox for a later run, for this reason.
        case waiting(reason: String)
    }

    /// The name in the inbox.
    public var name: String
    /// The path in the inbox.
    public var path: String
    /// The SHA-256 of its content (lower-case hex), when it could be read.
    public var sha256: String?
    public var verdict: Verdict
    /// Where the run moved it (archive or failed folder); `nil` while it is in the inbox.
    public var destination: String?

    public init(name: String, path: String, sha256: String?, verdict: Verdict, destination: String? = nil) {
        self.name = name
        self.path = path
        self.sha256 = sha256
        self.verdict = verdict
        self.destination = destination
    }

    /// The format to import it as, when it is to be imported.
    public var importFormat: InputFormat? {
        if case .importable(let format) = verdict { return format }
        return nil
    }

    /// The reason file's name next to a failed file: `NAME.reason.txt`.
    public var reasonFileName: String { name + ".reason.txt" }
}
