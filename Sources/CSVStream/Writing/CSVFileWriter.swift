#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes CSV records to a file or a file descriptor through a buffer, and reports every failure.
///
/// Records collect in a 64 KiB buffer and go to the file in large `write` calls. Every error of the
/// system (a full disk, a closed pipe, an I/O error at `close` on a network file system) is thrown as a
/// `CSVOutputError`; none is swallowed. Call `close()` when done: it is the last place a full disk can
/// show up. A writer that is dropped without `close()` loses what is still buffered.
///
/// A class because it owns a resource (the descriptor); not `Sendable`: use it from one task.
public final class CSVFileWriter {
    /// The path, or the name given for a descriptor; used in errors.
    public let name: String
    public let options: CSVWriterOptions
    private let encoder: CSVWriter
    private let descriptor: Int32
    /// Whether `close()` closes the descriptor: yes for a file we opened, no for one we were given.
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var isClosed = false

    private static let bufferLimit = 1 << 16

    /// Creates (or truncates) the file at `path` and gives it exactly `permissions`.
    ///
    /// The mode of a regular file is set with `fchmod` after opening, so neither the umask nor an
    /// existing file's mode can leave a file asked for as `0o600` (a credential sheet) readable by
    /// others. Devices (`/dev/null`) keep their mode.
    public init(path: String, options: CSVWriterOptions = .init(), permissions: mode_t = 0o644)
        throws(CSVOutputError)
    {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw CSVOutputError(path: path, operation: .create, code: errno) }
        // Only a regular file gets the mode: a device such as /dev/null or /dev/full is shared.
        var status = stat()
        let isRegularFile = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
        guard !isRegularFile || fchmod(descriptor, permissions) == 0 else {
            let code = errno
            _ = systemClose(descriptor)
            throw CSVOutputError(path: path, operation: .create, code: code)
        }
        self.name = path
        self.options = options
        self.encoder = CSVWriter(options: options)
        self.descriptor = descriptor
        self.ownsDescriptor = true
        startFile()
    }

    /// Writes to a descriptor the caller owns (standard output, a pipe); `close()` flushes but leaves it open.
    public init(fileDescriptor: Int32, name: String, options: CSVWriterOptions = .init()) {
        self.name = name
        self.options = options
        self.encoder = CSVWriter(options: options)
        self.descriptor = fileDescriptor
        self.ownsDescriptor = false
        startFile()
    }

    deinit {
        if !isClosed && ownsDescriptor { _ = systemClose(descriptor) }
    }

    private func startFile() {
        buffer.reserveCapacity(Self.bufferLimit + 4096)
        if options.byteOrderMark { buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    /// Writes one record; the bytes reach the file when the buffer fills, on `flush()` or `close()`.
    public func write(_ fields: [String]) throws(CSVOutputError) {
        guard !isClosed else { throw CSVOutputError(path: name, operation: .write, code: EBADF) }
        encoder.append(fields, to: &buffer)
        if buffer.count >= Self.bufferLimit { try flush() }
    }

    /// Hands everything buffered to the system. On failure the unwritten bytes stay buffered.
    public func flush() throws(CSVOutputError) {
        guard !isClosed else { throw CSVOutputError(path: name, operation: .write, code: EBADF) }
        var written = 0
        defer {
            if written == buffer.count {
                buffer.removeAll(keepingCapacity: true)
            } else {
                buffer.removeFirst(written)
            }
        }
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { bytes in
                systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw CSVOutputError(path: name, operation: .write, code: errno)
            }
            written += result
        }
    }

    /// Flushes, optionally syncs to the disk (`fsync`), and closes the file.
    ///
    /// The descriptor is closed even when flushing fails; the first error is thrown. Closing twice is a
    /// no-op.
    public func close(synchronize: Bool = false) throws(CSVOutputError) {
        guard !isClosed else { return }
        var failure: CSVOutputError?
        do { try flush() } catch { failure = error }
        if failure == nil, synchronize, fsync(descriptor) != 0 {
            failure = CSVOutputError(path: name, operation: .sync, code: errno)
        }
        isClosed = true
        if ownsDescriptor, systemClose(descriptor) != 0, failure == nil {
            failure = CSVOutputError(path: name, operation: .close, code: errno)
        }
        if let failure { throw failure }
    }
}

// File-level, so the system calls are not shadowed by the methods of the same name.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
