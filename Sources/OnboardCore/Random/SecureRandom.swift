import CSystemCalls

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The operating system's secure random bytes (`getrandom`, or `getentropy`), fetched 4 KiB at a time.
///
/// `SystemRandomNumberGenerator` makes one `getrandom` system call per 8 bytes; a generated temporary
/// password draws about 30 times, so a million users cost 30 million system calls (measured: 5 µs a
/// password). The bytes are the same kernel randomness, only fetched in bulk, as arc4random and
/// BoringSSL do; each word is cleared from the buffer as it is handed out. onboard uses it wherever a
/// secret or a random choice is made. (It also keeps the thread sanitizer working: its runtime
/// crashes on the zero-size `SystemRandomNumberGenerator` passed `inout` across modules.)
public struct SecureRandom: RandomNumberGenerator {
    private var words = [UInt64](repeating: 0, count: 512)
    private var position = 512

    public init() {}

    public mutating func next() -> UInt64 {
        if position == words.count { refill() }
        let word = words[position]
        words[position] = 0
        position += 1
        return word
    }

    private mutating func refill() {
        words.withUnsafeMutableBytes { buffer in
            var filled = 0
            while filled < buffer.count {
                // getrandom fills the whole 4 KiB in one call (getentropy stops at 256 bytes); it
                // returns short only when a signal interrupts it.
                let count = onboard_getrandom(buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 && errno == EINTR { continue }
                precondition(count > 0, "getrandom failed")
                filled += count
            }
        }
        position = 0
    }
}
