/// Byte-level ASCII checks for the parsers' fast paths.
///
/// Almost every real value is plain ASCII and valid; checking its UTF-8 bytes in one pass and
/// building the result directly is ~10× cheaper than walking `Character`s (grapheme breaking) and
/// preparing messages. Only a value that fails the fast check takes the detailed path that explains
/// every problem, so both paths must accept exactly the same values (the tests parse through both).
enum ASCII {
    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    static func uppercased(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte & ~0x20 : byte }

    /// The bytes as a string, each mapped through `transform`.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ transform: (UInt8) -> UInt8) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            for index in bytes.indices { out[index] = transform(bytes[index]) }
            return bytes.count
        }
    }

    /// Whether `bytes` is a plain, valid domain name: 1–253 bytes, labels of letters, digits and
    /// hyphens (not at a label's ends), 1–63 long, at least two labels.
    static func isPlainDomain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        var labels = 0
        var labelLength = 0
        var previous: UInt8 = 0x2E  // as if after a dot: a leading dot or hyphen fails below
        for byte in bytes {
            if byte == 0x2E {
                guard labelLength > 0, previous != 0x2D else { return false }
                labels += 1
                labelLength = 0
            } else if isLetterOrDigit(byte) || byte == 0x2D {
                if byte == 0x2D, labelLength == 0 { return false }
                labelLength += 1
                if labelLength > 63 { return false }
            } else {
                return false
            }
            previous = byte
        }
        return labelLength > 0 && previous != 0x2D && labels >= 1
    }
}

extension String {
    /// Runs `body` on the UTF-8 bytes without copying when the string is native (nearly always).
    func withASCIIBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}
