import CSVStream
import Foundation

/// An append-only CSV file of secrets: mode 0600, written through `CSVFileWriter` with the formula
/// guard on, flushed and `fsync`ed on demand so an entry is on disk before the account it describes
/// is committed.
///
/// An existing sheet is continued, never truncated: after a crash, the passwords of accounts already
/// created are still needed. The header is written only to an empty file.
final class SecretSheetFile {
    let path: String
    private let descriptor: Int32
    private let writer: CSVFileWriter
    private var isClosed = false

    static let csvOptions = CSVWriterOptions(lineEnding: .crlf, byteOrderMark: false, guardsFormulas: true)

    init(path: String, header: [String]) throws {
        self.path = path
        // O_NOFOLLOW: a symbolic link planted in credentials/ must not redirect the secrets.
        descriptor = open(
            path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, CredentialFolder.filePermissions)
        guard descriptor >= 0 else { throw ReportOutputError(.open, path: path) }
        var status = stat()
        guard fchmod(descriptor, CredentialFolder.filePermissions) == 0, fstat(descriptor, &status) == 0
        else {
            let error = ReportOutputError(.setPermissions, path: path)
            systemClose(descriptor)
            throw error
        }
        writer = CSVFileWriter(fileDescriptor: descriptor, name: path, options: Self.csvOptions)
        if status.st_size == 0 {
            try write(header)
            try sync()
        }
    }

    deinit {
        guard !isClosed else { return }
        // Dropped without close(): still hand the buffered entries to the system, since losing a
        // password of an account that exists is worse than a write whose error nobody can see.
        try? writer.flush()
        systemClose(descriptor)
    }

    func write(_ fields: [String]) throws {
        do { try writer.write(fields) } catch { throw Self.converted(error) }
    }

    /// Hands the buffered entries to the system and waits until they are on disk.
    func sync() throws {
        do { try writer.flush() } catch { throw Self.converted(error) }
        guard fsync(descriptor) == 0 else { throw ReportOutputError(.sync, path: path) }
    }

    func close() throws {
        guard !isClosed else { return }
        defer {
            isClosed = true
            systemClose(descriptor)
        }
        try sync()
    }

    private static func converted(_ error: CSVOutputError) -> ReportOutputError {
        ReportOutputError(.write, path: error.path, code: error.code, message: error.reason)
    }
}

// File-level, so the system call is not shadowed by the method of the same name.
private func systemClose(_ descriptor: Int32) {
    _ = close(descriptor)
}
