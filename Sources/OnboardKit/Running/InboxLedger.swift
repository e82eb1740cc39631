import Foundation
import Reports

/// The contents (SHA-256) of every file a run imported from the inbox, so a file copied in again is
/// archived, not imported a second time: `ARCHIVE/processed-files.txt`, one line per file,
/// `SHA256<tab>RUN-ID<tab>NAME`.
///
/// Crash-safe without a store: the whole ledger is written to a temporary file, flushed and renamed
/// over the old one (``AtomicFile``), so after a crash it is the old complete ledger or the new one,
/// never a torn line. A run records a file only after its import finished and before moving it to
/// the archive: a crash before the record leaves the file in the inbox and the next run imports it
/// again, which changes nothing (imports are idempotent); a crash after the record leaves it in the
/// inbox with its content recorded, and the next run archives it as already processed. It lives
/// beside the archived files it describes, works with every kind of store (also `memory`), and a
/// person can read it, or delete a line to have that content imported again.
public struct InboxLedger: Sendable, Hashable {
    /// One imported file: its content, the run that imported it and the name it had.
    public struct Entry: Sendable, Hashable {
        public var sha256: String
        public var runID: InboxRunID
        public var name: String

        public init(sha256: String, runID: InboxRunID, name: String) {
            self.sha256 = sha256
            self.runID = runID
            self.name = name
        }
    }

    /// The ledger file.
    public let path: String
    /// The entries by content, the first import of each content kept.
    public private(set) var entries: [String: Entry] = [:]
    /// The lines as read, comments included, kept as they are when the ledger is written again.
    private var lines: [String] = []

    /// The ledger's file name in the archive folder.
    public static let fileName = "processed-files.txt"

    static let heading = """
        # onboard run: the SHA-256 of every file imported from the inbox, the run and the file's name.
        # A file with one of these contents is archived as already processed, not imported again;
        # delete its line to have it imported again.
        """

    /// Reads the ledger in `archiveFolder`; a missing ledger is an empty one.
    public init(archiveFolder: String) throws(InboxError) {
        path = archiveFolder + "/" + Self.fileName
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            if !FileManager.default.fileExists(atPath: path) { return }
            throw InboxError(
                .inputOutput, path: path, message: "cannot be read: \(error.localizedDescription)")
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            lines.append(String(line))
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            // Comments and lines a person mangled are kept but mean nothing.
            guard fields.count == 3, Self.isDigest(fields[0]) else { continue }
            let entry = Entry(
                sha256: String(fields[0]), runID: InboxRunID(rawValue: String(fields[1])),
                name: String(fields[2]))
            if entries[entry.sha256] == nil { entries[entry.sha256] = entry }
        }
    }

    /// The run that imported a file with this content, if one did.
    public func entry(sha256: String) -> Entry? { entries[sha256] }

    /// Adds `new` and writes the whole ledger atomically (temporary file, `fsync`, rename, folder `fsync`).
    public mutating func record(_ new: [Entry]) throws(InboxError) {
        guard !new.isEmpty else { return }
        var updated = lines.isEmpty ? [Self.heading] : lines
        for entry in new where entries[entry.sha256] == nil {
            entries[entry.sha256] = entry
            updated.append("\(entry.sha256)\t\(entry.runID)\t\(Self.printable(entry.name))")
        }
        do {
            let file = try AtomicFile(path: path, permissions: 0o600)
            try file.write(updated.joined(separator: "\n") + "\n")
            try file.commit()
        } catch {
            throw InboxError(.inputOutput, path: path, message: "cannot be written: \(error)")
        }
        lines = updated
    }

    private static func isDigest(_ text: Substring) -> Bool {
        text.utf8.count == 64
            && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// A name on one line: tabs and line breaks (legal in file names) would break the ledger's lines.
    private static func printable(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    }
}
