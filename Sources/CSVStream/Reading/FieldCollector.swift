/// Keeps the unquoted bytes of the current record's fields in one reused buffer, for `next()` and
/// `nextRaw(_:)`: no allocation per record once the buffers have grown to the longest record.
struct FieldCollector: RecordSink {
    /// The fields' bytes, back to back.
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var byteCount = 0
    /// `ends[i]` is where field `i` ends in `bytes`; the parser never lets a record exceed `maxFields`.
    private(set) var ends: UnsafeMutablePointer<Int>
    private(set) var fieldCount = 0
    /// The last record that ended: its position, or its issue when malformed.
    private(set) var position = CSVPosition(line: 0, record: 0, byteOffset: 0)
    private(set) var issue: CSVIssue?

    init(maxFields: Int) {
        capacity = 4096
        bytes = .allocate(capacity: capacity)
        ends = .allocate(capacity: max(1, maxFields) + 1)
    }

    /// Frees the buffers; called once by the owning reader's `deinit`.
    func deallocate() {
        bytes.deallocate()
        ends.deallocate()
    }

    @inline(__always)
    mutating func beginRecord() {
        byteCount = 0
        fieldCount = 0
    }

    @inline(__always)
    mutating func append(_ source: UnsafePointer<UInt8>, count: Int) {
        if byteCount + count > capacity { grow(to: byteCount + count) }
        let target = bytes + byteCount
        if count >= 8 && count <= 16 {
            // Most runs are short: two overlapping 8-byte moves beat a byte loop or a call to memmove.
            let (from, to) = (UnsafeRawPointer(source), UnsafeMutableRawPointer(target))
            to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            (to + count - 8).storeBytes(
                of: (from + count - 8).loadUnaligned(as: UInt64.self), as: UInt64.self)
        } else if count < 8 {
            for offset in 0..<count { target[offset] = source[offset] }
        } else {
            target.update(from: source, count: count)
        }
        byteCount += count
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBytes.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = newBytes
        capacity = newCapacity
    }

    @inline(__always)
    mutating func endField() {
        ends[fieldCount] = byteCount
        fieldCount += 1
    }

    @inline(__always)
    mutating func endRecord(at position: CSVPosition, fieldCount: Int) -> Bool {
        self.position = position
        issue = nil
        return true
    }

    mutating func endMalformedRecord(_ issue: CSVIssue) -> Bool {
        self.position = issue.position
        self.issue = issue
        return true
    }

    /// The last well-formed record, valid until the collector is next used.
    var rawRecord: CSVRawRecord {
        CSVRawRecord(position: position, bytes: bytes, ends: ends, count: fieldCount)
    }
}
