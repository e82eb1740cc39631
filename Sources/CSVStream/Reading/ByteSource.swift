#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a reader's raw (not yet decoded) bytes come from.
enum ByteSource {
    /// An open file descriptor, read with `read(2)`; closed by `close()` when `ownsDescriptor`.
    case descriptor(Int32, ownsDescriptor: Bool)
    /// Bytes in memory (tests, small inputs); `offset` is how far they have been handed out.
    case bytes([UInt8], offset: Int)

    /// Reads up to `buffer.count` bytes; 0 means the end of the input.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer, name: String) throws(CSVInputError) -> Int
    {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        switch self {
        case .descriptor(let fd, _):
            while true {
                #if canImport(Darwin)
                    let count = Darwin.read(fd, base, buffer.count)
                #elseif canImport(Musl)
                    let count = Musl.read(fd, base, buffer.count)
                #else
                    let count = Glibc.read(fd, base, buffer.count)
                #endif
                if count >= 0 { return count }
                if errno == EINTR { continue }
                throw CSVInputError(path: name, operation: "read", code: errno)
            }
        case .bytes(let bytes, let offset):
            let count = min(buffer.count, bytes.count - offset)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBytes { source in
                base.copyMemory(from: source.baseAddress! + offset, byteCount: count)
            }
            self = .bytes(bytes, offset: offset + count)
            return count
        }
    }

    /// Releases the descriptor if this source owns it.
    func close() {
        if case .descriptor(let fd, true) = self {
            #if canImport(Darwin)
                _ = Darwin.close(fd)
            #elseif canImport(Musl)
                _ = Musl.close(fd)
            #else
                _ = Glibc.close(fd)
            #endif
        }
    }
}
