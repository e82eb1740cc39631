import Foundation

/// A file that appears under its final name only when complete.
///
/// Bytes go to a temporary file in the same folder (`.NAME.tmp-PID-RANDOM`); `commit()` flushes it
/// (`fsync`), renames it over the final name and flushes the folder, so after a crash or a kill the
/// final name holds either the previous complete file or the new complete file, never half of one.
/// `abandon()` (or deinit without commit) removes the temporary file.
///
/// A class because it owns a file descriptor. `@unchecked Sendable` is not claimed: one writer owns it.
public final class AtomicFile {
    /// The name the file gets on `commit()`.
    public let path: String
    /// Where the bytes go until then.
    public let temporaryPath: String
    private var descriptor: Int32
    private var isFinished = false
    private let writeBytes: WriteFunction

    /// The `write(2)` used; tests inject failures (ENOSPC) through it.
    package typealias WriteFunction = @Sendable (Int32, UnsafeRawPointer, Int) -> Int

    /// Creates the temporary file with `permissions` (exactly, whatever the umask).
    public convenience init(path: String, permissions: mode_t = 0o644) throws {
        try self.init(path: path, permissions: permissions, write: { Foundation.write($0, $1, $2) })
    }

    package init(path: String, permissions: mode_t, write: @escaping WriteFunction) throws {
        self.path = path
        self.writeBytes = write
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let random = UInt32.random(in: 0...UInt32.max)
        temporaryPath =
            folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(String(random, radix: 16))"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, permissions)
        guard descriptor >= 0 else { throw ReportOutputError(.open, path: path) }
        // open() applies the umask; fchmod() does not, so the mode is exactly what was asked.
        guard fchmod(descriptor, permissions) == 0 else {
            let error = ReportOutputError(.setPermissions, path: path)
            abandon()
            throw error
        }
    }

    deinit { abandon() }

    /// Writes all of `bytes`, retrying short writes and interrupted calls.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var address = bytes.baseAddress, !isFinished else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = writeBytes(descriptor, address, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                throw ReportOutputError(.write, path: path)
            }
            remaining -= written
            address += written
        }
    }

    /// Writes the UTF-8 bytes of `text`.
    public func write(_ text: String) throws {
        try Array(text.utf8).withUnsafeBytes { try write($0) }
    }

    /// Flushes the file, renames it to `path` and flushes the folder. Abandons the file on failure.
    public func commit() throws {
        guard !isFinished else { return }
        do {
            guard fsync(descriptor) == 0 else { throw ReportOutputError(.sync, path: path) }
            let closing = close(descriptor)
            descriptor = -1
            guard closing == 0 else { throw ReportOutputError(.close, path: path) }
            guard rename(temporaryPath, path) == 0 else { throw ReportOutputError(.rename, path: path) }
            isFinished = true
            try Self.syncFolder(of: path)
        } catch {
            abandon()
            throw error
        }
    }

    /// Closes the complete temporary file without flushing it, for a caller that puts many files on
    /// disk at once (``FileSystemSync``) and then calls ``publish()`` on each: as safe as `commit()`,
    /// with one flush for all of them instead of two per file. Abandons the file on failure.
    public func closeForPublishing() throws {
        guard !isFinished, descriptor >= 0 else { return }
        let closing = close(descriptor)
        descriptor = -1
        guard closing == 0 else {
            let error = ReportOutputError(.close, path: path)
            abandon()
            throw error
        }
    }

    /// Renames the file closed by ``closeForPublishing()`` to its final name. Its bytes must be on
    /// disk already; the rename itself is durable after the next flush of the folder.
    public func publish() throws {
        guard !isFinished else { return }
        precondition(descriptor < 0, "publish() after closeForPublishing() only")
        guard rename(temporaryPath, path) == 0 else {
            let error = ReportOutputError(.rename, path: path)
            abandon()
            throw error
        }
        isFinished = true
    }

    /// Closes and removes the temporary file; the final name is untouched.
    public func abandon() {
        guard !isFinished else { return }
        isFinished = true
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
    }

    /// `fsync` on the folder holding `path`, so a rename or a new file survives a power cut.
    package static func syncFolder(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folderDescriptor >= 0 else { throw ReportOutputError(.open, path: folder) }
        defer { close(folderDescriptor) }
        guard fsync(folderDescriptor) == 0 else { throw ReportOutputError(.sync, path: folder) }
    }
}
