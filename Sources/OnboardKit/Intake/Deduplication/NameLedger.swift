/// The near-duplicate keys seen so far in a run (a customer's company name, a user's tenant and
/// display name): for each, only where it was first seen.
///
/// Such a key is recorded once per first occurrence of a customer's prefix or a user's UPN, so a
/// second sighting always comes from another prefix or UPN: a near-duplicate, whatever else the rows
/// hold. No fingerprint is needed to tell it from a repeat of the same row, unlike `KeyLedger`.
///
/// A near-duplicate is only ever a warning, never a rejection, so half of the key's hash is kept: 64
/// bits (the odds that two different names of a million-row run meet by chance, and a warning names
/// the wrong row, are 3 in 100 million). With a 32-bit mark of the first row (see `RunLines`) that is
/// 12 bytes per slot, at most 4/5 full when reserved: 15 bytes per key (the full 128 bits took 25).
///
/// Rows are recorded in run order, file after file.
public struct NameLedger: Sendable {
    /// One key: 3 words of 32 bits, so the slot has no padding.
    struct Slot: LedgerSlot {
        private var low: UInt32
        private var high: UInt32
        var mark: UInt32

        init(key: StableHash, mark: UInt32) {
            low = UInt32(truncatingIfNeeded: key.low)
            high = UInt32(truncatingIfNeeded: key.low >> 32)
            self.mark = mark
        }

        /// The half of the key kept (the low half, which also picks the slot), as a key.
        var key: StableHash { StableHash(high: 0, low: UInt64(low) | UInt64(high) << 32) }

        static var empty: Slot { Slot(key: StableHash(high: 0, low: 0), mark: 0) }
    }

    private var table = LedgerTable<Slot>()
    private var lines = RunLines()

    public init() {}

    /// The number of distinct keys recorded.
    public var count: Int { table.count }

    /// Makes room for `keys` keys in all, so recording that many never grows the table.
    public mutating func reserveCapacity(_ keys: Int) { table.reserveCapacity(keys) }

    /// Records `key` at `location` if new (`nil`); else where it was first seen.
    public mutating func record(key: StableHash, at location: RowLocation) -> RowLocation? {
        guard let earlier = table.insertIfNew(Slot(key: key, mark: lines.mark(location))) else { return nil }
        return lines.location(of: earlier.mark)
    }

    /// The first location of `key`, if it was recorded.
    public func location(of key: StableHash) -> RowLocation? {
        table.slot(for: Slot(key: key, mark: 0).key).map { lines.location(of: $0.mark) }
    }
}
