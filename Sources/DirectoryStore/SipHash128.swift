/// SipHash-2-4 with a 128-bit result (Aumasson and Bernstein's reference `siphash` with
/// `outlen = 16`), under a fixed key: the user row's fingerprint (see ``UserRowImage``).
///
/// The key is fixed so every onboard computes the same fingerprint for the same values. 128 bits make
/// an accidental collision (which would report a changed user unchanged) out of reach: about 2⁻¹²⁸ per
/// compared row, 2⁻⁶⁴ even over every pair of a billion rows.
enum SipHash128 {
    private static let key0: UInt64 = 0x6f6e_626f_6172_6421  // "onboard!"
    private static let key1: UInt64 = 0x7573_6572_2d72_6f77  // "user-row"

    /// The 16 bytes of the hash of `bytes`, little-endian: the first word's bytes, then the second's.
    static func hash(_ bytes: UnsafeRawBufferPointer, key0: UInt64 = key0, key1: UInt64 = key1)
        -> (UInt64, UInt64)
    {
        var v0: UInt64 = key0 ^ 0x736f_6d65_7073_6575
        var v1: UInt64 = key1 ^ 0x646f_7261_6e64_6f6d ^ 0xee
        var v2: UInt64 = key0 ^ 0x6c79_6765_6e65_7261
        var v3: UInt64 = key1 ^ 0x7465_6462_7974_6573

        @inline(__always) func round() {
            v0 &+= v1
            v1 = v1.rotatedLeft(13)
            v1 ^= v0
            v0 = v0.rotatedLeft(32)
            v2 &+= v3
            v3 = v3.rotatedLeft(16)
            v3 ^= v2
            v0 &+= v3
            v3 = v3.rotatedLeft(21)
            v3 ^= v0
            v2 &+= v1
            v1 = v1.rotatedLeft(17)
            v1 ^= v2
            v2 = v2.rotatedLeft(32)
        }

        let count = bytes.count
        let whole = count & ~7
        var offset = 0
        while offset < whole {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            v3 ^= word
            round()
            round()
            v0 ^= word
            offset += 8
        }
        var last = UInt64(truncatingIfNeeded: count) << 56
        var shift: UInt64 = 0
        while offset < count {
            last |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        v3 ^= last
        round()
        round()
        v0 ^= last
        v2 ^= 0xee
        round()
        round()
        round()
        round()
        let first = v0 ^ v1 ^ v2 ^ v3
        v1 ^= 0xdd
        round()
        round()
        round()
        round()
        return (first, v0 ^ v1 ^ v2 ^ v3)
    }
}

extension UInt64 {
    @inline(__always) fileprivate func rotatedLeft(_ count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
