import Crypto
import Foundation

/// Computes a file's SHA-256 and size, streaming, so a multi-gigabyte input costs a 1 MiB buffer.
public enum InputFileDigest {
    /// Lower-case hex SHA-256 and byte count of the file at `path`.
    public static func sha256(ofFileAt path: String, chunkSize: Int = 1 << 20) throws
        -> (hex: String, size: Int64)
    {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReportOutputError(.open, path: path) }
        defer { close(descriptor) }
        var hasher = SHA256()
        var size: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReportOutputError(.read, path: path)
            }
            if count == 0 { break }
            buffer.withUnsafeBytes {
                hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<count]))
            }
            size += Int64(count)
        }
        return (hasher.finalize().map { String(format: "%02x", $0) }.joined(), size)
    }
}
