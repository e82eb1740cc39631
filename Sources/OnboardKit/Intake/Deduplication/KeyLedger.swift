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
/// location (8 bytes) and a 64-bit fingerprint of the normalised values (8 bytes): 32 bytes of
/// payload per entry. With `Dictionary`'s load factor between 3/8 and 3/4 that is 43 to 86 bytes
/// per key (64 at the midpoint), plus one metadata bit per bucket; see README, Deduplication.
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

    private var entries: [StableHash: Entry] = [:]

    public init() {}

    /// The number of distinct keys recorded.
    public var count: Int { entries.count }

    /// Records `key` at `location` if new, and says how it relates to an earlier occurrence.
    public mutating func record(key: StableHash, fingerprint: StableHash, at location: RowLocation)
        -> Sighting
    {
        if let entry = entries[key] {
            return entry.fingerprint == fingerprint.low
                ? .duplicate(of: entry.location) : .conflict(with: entry.location)
        }
        entries[key] = Entry(location: location, fingerprint: fingerprint.low)
        return .first
    }

    /// The first location of `key`, if it was recorded.
    public func location(of key: StableHash) -> RowLocation? { entries[key]?.location }

    /// The fingerprint stored for `key`: callers that store another key's hash as a fingerprint
    /// (display name → UPN) compare against it.
    func fingerprint(of key: StableHash) -> UInt64? { entries[key]?.fingerprint }
}
