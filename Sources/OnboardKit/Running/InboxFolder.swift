import Foundation
import Reports

/// The inbox's folders as a run sees them: which files are ready to take, and moving them away.
///
/// **Files still being written are left alone.** A writer either copies under a name onboard
/// ignores and renames the file into place when complete (the safe way: a rename is atomic), or
/// copies in place and stops touching the file. So a run takes only regular files whose name does not
/// start with `.` and does not end in `.tmp` or `.part` (any case), and whose modification time is at
/// least `wait-seconds` old; the others stay for a later run. Folders (the archive and failed folders
/// may sit inside the inbox) and everything below them are never looked at.
struct InboxFolder: Sendable {
    var settings: InboxSettings

    /// Name endings a writer uses for a file it has not finished (`cp` to `x.part`, then `mv`).
    static let inProgressSuffixes = [".tmp", ".part"]

    /// True for a name a writer uses while the file is incomplete: a dot-file, `*.tmp`, `*.part`.
    static func isInProgress(name: String) -> Bool {
        let lowered = name.lowercased()
        return name.hasPrefix(".") || inProgressSuffixes.contains { lowered.hasSuffix($0) }
    }

    /// The names of the files ready to be taken at `now`, in name order, and how many were left
    /// because they changed within the last `wait-seconds`.
    func readyFiles(now: Date) throws(InboxError) -> (ready: [String], settling: [String]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: settings.inbox)
        } catch {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: settings.inbox, isDirectory: &isFolder) else {
                throw InboxError(
                    .missingFolder, path: settings.inbox,
                    message: "the inbox folder does not exist; create it or fix [inbox].inbox")
            }
            throw InboxError(
                .inputOutput, path: settings.inbox,
                message: isFolder.boolValue
                    ? "cannot be listed: \(error.localizedDescription)" : "is not a folder")
        }
        let settled =
            now.timeIntervalSince1970 - Double(settings.wait.components.seconds)
            - Double(settings.wait.components.attoseconds) / 1e18
        var ready: [String] = []
        var settling: [String] = []
        for name in names.sorted() where !Self.isInProgress(name: name) {
            var status = stat()
            // stat, not lstat: a symbolic link to a file is taken (the link is what moves).
            guard stat(path(of: name), &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            let modified = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
            if modified <= settled { ready.append(name) } else { settling.append(name) }
        }
        return (ready, settling)
    }

    /// The path of the inbox file `name`.
    func path(of name: String) -> String { settings.inbox + "/" + name }

    /// The folder a run archives its files in: `ARCHIVE/RUN-ID`.
    func archiveFolder(_ runID: InboxRunID) -> String { settings.archive + "/" + runID.rawValue }

    /// The folder a run puts the files it could not read in: `FAILED/RUN-ID`.
    func failedFolder(_ runID: InboxRunID) -> String { settings.failed + "/" + runID.rawValue }

    /// Moves the inbox file `name` into `folder` (made, mode 0700, when missing) under the same name.
    ///
    /// A rename, atomic when both are on one file system (the default layout); then both folders are
    /// flushed, so after a power cut the file is in exactly one of them.
    @discardableResult
    func move(_ name: String, into folder: String) throws(InboxError) -> String {
        try makeFolder(folder)
        let source = path(of: name)
        let destination = folder + "/" + name
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw InboxError(
                .inputOutput, path: destination, message: "exists already; \(source) was left in the inbox")
        }
        if rename(source, destination) != 0 {
            let reason = String(cString: strerror(errno))
            guard errno == EXDEV else {
                throw InboxError(
                    .inputOutput, path: source, message: "cannot be moved to \(folder): \(reason)")
            }
            // Another file system: copy and remove (not atomic; a crash may leave both copies).
            do {
                try FileManager.default.moveItem(atPath: source, toPath: destination)
            } catch {
                throw InboxError(
                    .inputOutput, path: source,
                    message: "cannot be moved to \(folder): \(error.localizedDescription)")
            }
        }
        do {
            try AtomicFile.syncFolder(of: destination)
            try AtomicFile.syncFolder(of: source)
        } catch {
            throw InboxError(.inputOutput, path: folder, message: "cannot be flushed: \(error)")
        }
        return destination
    }

    /// Writes `text` to `folder/name` atomically (mode 0600), making the folder when missing.
    func write(_ text: String, to name: String, in folder: String) throws(InboxError) {
        try makeFolder(folder)
        let path = folder + "/" + name
        do {
            let file = try AtomicFile(path: path, permissions: 0o600)
            try file.write(text)
            try file.commit()
        } catch {
            throw InboxError(.inputOutput, path: path, message: "cannot be written: \(error)")
        }
    }

    /// Makes `folder` and its parents, mode 0700: archived inputs may hold passwords.
    func makeFolder(_ folder: String) throws(InboxError) {
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw InboxError(
                .inputOutput, path: folder, message: "cannot be made: \(error.localizedDescription)")
        }
    }
}
