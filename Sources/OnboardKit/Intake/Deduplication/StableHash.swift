/// A 128-bit hash of text, the same in every run, for dedup keys and row fingerprints.
///
/// Two independent 64-bit hashes (FNV-1a and a multiply-xorshift mix) over the UTF-8 bytes. The
/// chance that two different keys of a million collide is about 10⁻²⁶, so a ledger can keep this
/// in place of the key itself: 16 bytes inline instead of a heap-allocated string.
public struct StableHash: Sendable, Hashable {
    public var high: UInt64
    public var low: UInt64

    public init(_ text: String) {
        var state = State()
        state.add(text)
        self = state.finish()
    }

    /// A hash of several values, kept apart so ("ab", "c") and ("a", "bc") differ: the same as the
    /// hash of the values joined with U+001F, without building the joined string.
    public init(fields: [String]) {
        var state = State()
        for (index, field) in fields.enumerated() {
            if index > 0 { state.add(byte: 0x1F) }
            state.add(field)
        }
        self = state.finish()
    }

    /// The running state of both hashes.
    struct State {
        var fnv: UInt64 = 0xcbf2_9ce4_8422_2325
        var mix: UInt64 = 0x9e37_79b9_7f4a_7c15
        var count: UInt64 = 0

        mutating func add(byte: UInt8) {
            fnv = (fnv ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            mix = (mix ^ UInt64(byte)) &* 0xff51_afd7_ed55_8ccd
            mix ^= mix >> 29
            count &+= 1
        }

        /// Adds the UTF-8 bytes of `text`, in one loop over its contiguous storage with the state in
        /// registers (iterating `utf8` byte by byte cost several times as much).
        mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { add(bytes: $0) }
        }

        mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
            var fnv = self.fnv
            var mix = self.mix
            for byte in bytes {
                fnv = (fnv ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                mix = (mix ^ UInt64(byte)) &* 0xff51_afd7_ed55_8ccd
                mix ^= mix >> 29
            }
            self.fnv = fnv
            self.mix = mix
            count &+= UInt64(bytes.count)
        }

        /// Adds a U+001F separator and then `field`: what `init(fields:)` puts between fields.
        mutating func add(separated field: String) {
            add(byte: 0x1F)
            add(field)
        }

        func finish() -> StableHash {
            var mix = self.mix ^ count
            mix = (mix ^ (mix >> 33)) &* 0xc4ce_b9fe_1a85_ec53
            mix ^= mix >> 33
            return StableHash(high: fnv, low: mix)
        }
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }
}
