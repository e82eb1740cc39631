/// A 128-bit hash of text, the same in every run, for dedup keys and row fingerprints.
///
/// Two independent 64-bit hashes (FNV-1a and a multiply-xorshift mix) over the UTF-8 bytes. The
/// chance that two different keys of a million collide is about 10⁻²⁶, so a ledger can keep this
/// in place of the key itself: 16 bytes inline instead of a heap-allocated string.
public struct StableHash: Sendable, Hashable {
    public var high: UInt64
    public var low: UInt64

    public init(_ text: String) {
        var fnv: UInt64 = 0xcbf2_9ce4_8422_2325
        var mix: UInt64 = 0x9e37_79b9_7f4a_7c15
        var count: UInt64 = 0
        for byte in text.utf8 {
            fnv = (fnv ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            mix = (mix ^ UInt64(byte)) &* 0xff51_afd7_ed55_8ccd
            mix ^= mix >> 29
            count &+= 1
        }
        mix ^= count
        mix = (mix ^ (mix >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        mix ^= mix >> 33
        high = fnv
        low = mix
    }

    /// A hash of several values, kept apart so ("ab", "c") and ("a", "bc") differ.
    public init(fields: [String]) {
        self.init(fields.joined(separator: "\u{1F}"))
    }
}
