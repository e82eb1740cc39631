#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The operating system's secure random bytes (`getentropy`), fetched 4 KiB at a time.
///
/// `SystemRandomNumberGenerator` makes one `getrandom` system call per 8 bytes; a generated temporary
/// password draws about 30 times, so a million users cost 30 million system calls (measured: 5 µs a
/// password). The bytes are the same kernel randomness, only fetched in bulk, as arc4random and
/// BoringSSL do; each word is cleared from the buffer as it is handed out.
struct BufferedSecureRandom: RandomNumberGenerator {
    private var words = [UInt64](repeating: 0, count: 512)
    private var position = 512

    mutating func next() -> UInt64 {
        if position == words.count { refill() }
        let word = words[position]
        words[position] = 0
        position += 1
        return word
    }

    private mutating func refill() {
        words.withUnsafeMutableBytes { buffer in
            // getentropy gives at most 256 bytes a call and fails only for a bad buffer.
            var filled = 0
            while filled < buffer.count {
                let count = min(256, buffer.count - filled)
                precondition(getentropy(buffer.baseAddress! + filled, count) == 0, "getentropy failed")
                filled += count
            }
        }
        position = 0
    }
}
