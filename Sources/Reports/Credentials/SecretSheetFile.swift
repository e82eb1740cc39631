import CSVStream
import Foundation

/// An append-only CSV file of secrets: mode 0600, encoded with the formula guard on, handed to the
/// system on `flush()` and put on disk by `sync()` (this file) or ``CredentialFolder/synchronize()``
/// (every file of the folder's file system at once), before the account an entry describes is
/// recorded as delivered.
///
/// An existing sheet is continued, never truncated: after a crash, the passwords of accounts already
/// created are still needed. The header is written only to an empty file. Entries wait in a buffer
/// that is released at every flush, so a run may keep thousands of sheets open for the price of
/// their descriptors.
final class SecretSheetFile {
    let path: String
    private let descriptor: Int32
    private let encoder = CSVWriter(options: SecretSheetFile.csvOptions)
    private var buffer: [UInt8] = []
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
        if status.st_size == 0 { write(header) }
    }

    deinit {
        guard !isClosed else { return }
        // Dropped without close(): still hand the buffered entries to the system, since losing a
        // password of an account that exists is worse than a write whose error nobody can see.
        try? flush()
        systemClose(descriptor)
    }

    func write(_ fields: [String]) {
        encoder.append(fields, to: &buffer)
    }

    /// Hands the buffered entries to the system (not yet on disk: see `sync()`). On failure the
    /// unwritten bytes stay buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        guard !isClosed else { throw ReportOutputError(.write, path: path, errno: EBADF) }
        var written = 0
        defer {
            if written == buffer.count { buffer = [] } else { buffer.removeFirst(written) }
        }
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { bytes in
                systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw ReportOutputError(.write, path: path)
            }
            written += result
        }
    }

    /// Hands the buffered entries to the system and waits until they are on disk.
    func sync() throws {
        try flush()
        guard fsync(descriptor) == 0 else { throw ReportOutputError(.sync, path: path) }
    }

    /// Flushes (and unless told otherwise, syncs) and closes the file.
    func close(synchronizing: Bool = true) throws {
        guard !isClosed else { return }
        defer {
            isClosed = true
            systemClose(descriptor)
        }
        if synchronizing { try sync() } else { try flush() }
    }

}

// File-level, so the system calls are not shadowed by the methods of the same name.
private func systemClose(_ descriptor: Int32) {
    _ = close(descriptor)
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
