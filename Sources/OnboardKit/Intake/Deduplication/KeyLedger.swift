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
/// Only this is kept per key, never the row: a 128-bit hash of the key (16 bytes), the first
/// location (8 bytes) and a 64-bit fingerprint of the normalised values (8 bytes): 32 bytes per
/// slot. The table is open-addressed (linear probing) rather than a `Dictionary`: the key is
/// already a well-mixed hash, so it picks its own slot without `Hasher` (a `Dictionary` re-hashed
/// every key with SipHash on each look-up and each resize, a tenth of a plan's time), and the table
/// may be up to 7/8 full and grows by half, where a `Dictionary` doubles at 3/4. `reserveCapacity`
/// sizes it up front when the row count is known, so it never grows (and never holds the old and
/// the new table at once): 32 / 0.8 = 40 bytes per key; see README, Deduplication.
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

    struct Entry: Sendable {
        var location: RowLocation
        var fingerprint: UInt64
    }

    /// One slot of the table; a slot whose key is `vacant` is empty.
    struct Slot: Sendable {
        var key: StableHash
        var entry: Entry
    }

    /// Marks an empty slot. A real key equal to it is kept in `vacantKeyEntry` instead.
    private static let vacant = StableHash(high: 0, low: 0)
    private static let emptySlot = Slot(
        key: vacant, entry: Entry(location: RowLocation(file: 0, line: 0), fingerprint: 0))

    private var slots: [Slot] = []
    private var vacantKeyEntry: Entry?
    private var stored = 0

    public init() {}

    /// The number of distinct keys recorded.
    public var count: Int { stored + (vacantKeyEntry == nil ? 0 : 1) }

    /// Makes room for `keys` keys in all, so recording that many never grows the table.
    public mutating func reserveCapacity(_ keys: Int) {
        let needed = Self.slotCount(for: keys)
        if needed > slots.count { rehash(to: needed) }
    }

    /// Records `key` at `location` if new, and says how it relates to an earlier occurrence.
    public mutating func record(key: StableHash, fingerprint: StableHash, at location: RowLocation)
        -> Sighting
    {
        let new = Entry(location: location, fingerprint: fingerprint.low)
        if key == Self.vacant {
            guard let entry = vacantKeyEntry else {
                vacantKeyEntry = new
                return .first
            }
            return Self.sighting(of: entry, fingerprint: new.fingerprint)
        }
        if (stored + 1) * 8 > slots.count * 7 {
            rehash(to: max(Self.slotCount(for: stored + 1), slots.count * 3 / 2))
        }
        let (sighting, inserted) = slots.withUnsafeMutableBufferPointer { table -> (Sighting, Bool) in
            var index = Self.home(of: key, in: table.count)
            while true {
                let slot = table[index]
                if slot.key == key {
                    return (Self.sighting(of: slot.entry, fingerprint: new.fingerprint), false)
                }
                if slot.key == Self.vacant {
                    table[index] = Slot(key: key, entry: new)
                    return (.first, true)
                }
                index += 1
                if index == table.count { index = 0 }
            }
        }
        if inserted { stored += 1 }
        return sighting
    }

    /// The first location of `key`, if it was recorded.
    public func location(of key: StableHash) -> RowLocation? { entry(of: key)?.location }

    /// The fingerprint stored for `key`: callers that store another key's hash as a fingerprint
    /// (display name → UPN) compare against it.
    func fingerprint(of key: StableHash) -> UInt64? { entry(of: key)?.fingerprint }

    private func entry(of key: StableHash) -> Entry? {
        if key == Self.vacant { return vacantKeyEntry }
        guard !slots.isEmpty else { return nil }
        var index = Self.home(of: key, in: slots.count)
        while true {
            let slot = slots[index]
            if slot.key == key { return slot.entry }
            if slot.key == Self.vacant { return nil }
            index += 1
            if index == slots.count { index = 0 }
        }
    }

    private static func sighting(of entry: Entry, fingerprint: UInt64) -> Sighting {
        entry.fingerprint == fingerprint ? .duplicate(of: entry.location) : .conflict(with: entry.location)
    }

    /// The slot a key probes first: its well-mixed low half scaled to the table (no power of two needed).
    private static func home(of key: StableHash, in count: Int) -> Int {
        Int(truncatingIfNeeded: key.low.multipliedFullWidth(by: UInt64(count)).high)
    }

    /// Slots for `keys` keys at most 4/5 full.
    private static func slotCount(for keys: Int) -> Int { max(16, keys + keys / 4 + 1) }

    private mutating func rehash(to count: Int) {
        let old = slots
        var table = Array(repeating: Self.emptySlot, count: count)
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
