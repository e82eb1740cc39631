import OnboardKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Buffered writes to a file descriptor (standard output), so streaming a large result costs one
/// system call per 64 KiB, and memory stays flat.
///
/// A class because it is a resource: the buffer is flushed once, when output ends.
final class StandardStream {
    private let descriptor: Int32
    private let capacity = 1 << 16
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    /// Appends bytes, writing the buffer out when it is full.
    @inline(__always)
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(WriteError) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity {
            try flush()
            if bytes.count > capacity { return try writeOut(base, count: bytes.count) }
        }
        (buffer + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    func write(_ byte: UInt8) throws(WriteError) {
        if count == capacity { try flush() }
        buffer[count] = byte
        count += 1
    }

    func write(_ text: String) throws(WriteError) {
        for byte in text.utf8 { try write(byte) }
    }

    /// Writes out everything buffered.
    func flush() throws(WriteError) {
        try writeOut(buffer, count: count)
        count = 0
    }

    private func writeOut(_ start: UnsafePointer<UInt8>, count: Int) throws(WriteError) {
        var written = 0
        while written < count {
            #if canImport(Darwin)
                let result = Darwin.write(descriptor, start + written, count - written)
            #elseif canImport(Musl)
                let result = Musl.write(descriptor, start + written, count - written)
            #else
                let result = Glibc.write(descriptor, start + written, count - written)
            #endif
            if result < 0 {
                if errno == EINTR { continue }
                throw WriteError(code: errno)
            }
            written += result
        }
    }

    /// Writing to standard output failed (a closed pipe, a full disk).
    struct WriteError: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "could not write to standard output: \(String(cString: strerror(code)))" }
    }
}

/// Prints one line to standard error, unbuffered (messages must not wait for the output buffer),
/// above the progress line if one is shown.
func printToStandardError(_ line: String) {
    StatusLine.standardError.write(line + "\n")
}
