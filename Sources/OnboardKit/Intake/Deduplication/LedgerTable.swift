/// A slot of a `LedgerTable`: a 128-bit key hash and what a ledger keeps with it.
protocol LedgerSlot: Sendable {
    var key: StableHash { get }
    /// A slot whose key is all zeros: the table's mark for "empty".
    static var empty: Self { get }
}

/// An open-addressed hash table (linear probing) of ledger slots, keyed by 128-bit hashes.
///
/// The key is already a well-mixed hash, so it picks its own slot without `Hasher` (a `Dictionary`
/// re-hashed every key with SipHash on each look-up and each resize). The table may be up to 7/8
/// full and grows by half, where a `Dictionary` doubles at 3/4; `reserveCapacity` sizes it up front
/// (at most 4/5 full) when the row count is known, so it never grows while rows are read and never
/// holds an old and a new table at once. An all-zero key marks an empty slot, so a real key that is
/// all zeros (odds 2⁻¹²⁸) is kept beside the table.
struct LedgerTable<Slot: LedgerSlot>: Sendable {
    private var slots: [Slot] = []
    private var zeroKeySlot: Slot?
    private var stored = 0

    /// The number of keys held.
    var count: Int { stored + (zeroKeySlot == nil ? 0 : 1) }

    /// Makes room for `keys` keys in all, so inserting that many never grows the table.
    mutating func reserveCapacity(_ keys: Int) {
        let needed = Self.slotCount(for: keys)
        if needed > slots.count { rehash(to: needed) }
    }

    /// The slot already holding `slot.key`, or `nil` after inserting `slot`.
    @inline(__always)
    mutating func insertIfNew(_ slot: Slot) -> Slot? {
        let key = slot.key
        if key == Self.vacant {
            if let held = zeroKeySlot { return held }
            zeroKeySlot = slot
            return nil
        }
        if (stored + 1) * 8 > slots.count * 7 {
            rehash(to: max(Self.slotCount(for: stored + 1), slots.count * 3 / 2))
        }
        let held = slots.withUnsafeMutableBufferPointer { table -> Slot? in
            var index = Self.home(of: key, in: table.count)
            while true {
                let probed = table[index].key
                if probed == key { return table[index] }
                if probed == Self.vacant {
                    table[index] = slot
                    return nil
                }
                index += 1
                if index == table.count { index = 0 }
            }
        }
        if held == nil { stored += 1 }
        return held
    }

    /// The slot holding `key`, if any.
    func slot(for key: StableHash) -> Slot? {
        if key == Self.vacant { return zeroKeySlot }
        guard !slots.isEmpty else { return nil }
        var index = Self.home(of: key, in: slots.count)
        while true {
            let probed = slots[index].key
            if probed == key { return slots[index] }
            if probed == Self.vacant { return nil }
            index += 1
            if index == slots.count { index = 0 }
        }
    }

    private static var vacant: StableHash { StableHash(high: 0, low: 0) }

    /// The slot a key probes first: its well-mixed low half scaled to the table (no power of two needed).
    @inline(__always)
    private static func home(of key: StableHash, in count: Int) -> Int {
        Int(truncatingIfNeeded: key.low.multipliedFullWidth(by: UInt64(count)).high)
    }

    /// Slots for `keys` keys at most 4/5 full.
    private static func slotCount(for keys: Int) -> Int { max(16, keys + keys / 4 + 1) }

    private mutating func rehash(to count: Int) {
        let old = slots
        var table = Array(repeating: Slot.empty, count: count)
        table.withUnsafeMutableBufferPointer { table in
            for slot in old where slot.key != Self.vacant {
                var index = Self.home(of: slot.key, in: table.count)
                while table[index].key != Self.vacant {
                    index += 1
                    if index == table.count { index = 0 }
                }
                table[index] = slot
            }
        }
        slots = table
    }
}

/// A 128-bit hash as four 32-bit words, so a slot that adds a 32-bit word needs no padding
/// (a `StableHash` field would align the slot to 8 bytes).
struct PackedHash: Sendable {
    private var words: (UInt32, UInt32, UInt32, UInt32)

    init(_ hash: StableHash) {
        words = (
            UInt32(truncatingIfNeeded: hash.low), UInt32(truncatingIfNeeded: hash.low >> 32),
            UInt32(truncatingIfNeeded: hash.high), UInt32(truncatingIfNeeded: hash.high >> 32)
        )
    }

    var hash: StableHash {
        StableHash(
            high: UInt64(words.2) | UInt64(words.3) << 32, low: UInt64(words.0) | UInt64(words.1) << 32)
    }
}
