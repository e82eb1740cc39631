/// Where a row is, compactly: which input file (an index into the run's list) and which line.
public struct RowLocation: Sendable, Hashable {
    public var file: UInt32
    public var line: UInt32

    public init(file: Int, line: Int) {
        self.file = UInt32(truncatingIfNeeded: file)
        self.line = UInt32(clamping: line)
    }
}

/// The keys seen so far in a run, each with where it was first seen and a fingerprint of its data.
///
/// Only this is kept per key, never the row: a 128-bit hash of the key (16 bytes), a 64-bit
/// fingerprint of the normalised values (8 bytes) and the first row as a 32-bit mark of the run's
/// lines (4 bytes, see `RunLines`): 28 bytes per slot, in a `LedgerTable` at most 4/5 full when its
/// size was reserved: 35 bytes per key; see README, Deduplication.
///
/// Rows are recorded in run order, file after file.
public struct KeyLedger: Sendable {
    /// What seeing a key again means.
    public enum Sighting: Sendable, Hashable {
        /// The key is new; the row is the first occurrence.
        case first
        /// Same key, same data as the first occurrence at `location`.
        case duplicate(of: RowLocation)
        /// Same key, different data from the first occurrence at `location`.
        case conflict(with: RowLocation)
    }

    /// One key: 7 words of 32 bits, so the slot has no padding.
    struct Slot: LedgerSlot {
        private var packedKey: PackedHash
        private var fingerprintWords: (UInt32, UInt32)
        var mark: UInt32

        init(key: StableHash, fingerprint: UInt64, mark: UInt32) {
            packedKey = PackedHash(key)
            fingerprintWords = (
                UInt32(truncatingIfNeeded: fingerprint), UInt32(truncatingIfNeeded: fingerprint >> 32)
            )
            self.mark = mark
        }

        var key: StableHash { packedKey.hash }
        var fingerprint: UInt64 { UInt64(fingerprintWords.0) | UInt64(fingerprintWords.1) << 32 }

        static var empty: Slot { Slot(key: StableHash(high: 0, low: 0), fingerprint: 0, mark: 0) }
    }

    private var table = LedgerTable<Slot>()
    private var lines = RunLines()

    public init() {}

    /// The number of distinct keys recorded.
    public var count: Int { table.count }

    /// Makes room for `keys` keys in all, so recording that many never grows the table.
    public mutating func reserveCapacity(_ keys: Int) { table.reserveCapacity(keys) }

    /// Records `key` at `location` if new, and says how it relates to an earlier occurrence.
    public mutating func record(key: StableHash, fingerprint: StableHash, at location: RowLocation)
        -> Sighting
    {
        let new = Slot(key: key, fingerprint: fingerprint.low, mark: lines.mark(location))
        guard let earlier = table.insertIfNew(new) else { return .first }
        let first = lines.location(of: earlier.mark)
        return earlier.fingerprint == new.fingerprint ? .duplicate(of: first) : .conflict(with: first)
    }

    /// The first location of `key`, if it was recorded.
    public func location(of key: StableHash) -> RowLocation? {
        table.slot(for: key).map { lines.location(of: $0.mark) }
    }

    /// The fingerprint stored for `key`.
    func fingerprint(of key: StableHash) -> UInt64? { table.slot(for: key)?.fingerprint }
}
