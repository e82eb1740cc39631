/// What the record parser hands its output to: a collector that keeps field bytes for `next()`, or a
/// counter for `countRemaining()` that keeps nothing.
///
/// The parser is generic over its sink so each use is specialised and the counter's empty methods
/// vanish from the inner loop.
protocol RecordSink {
    /// A new record begins.
    mutating func beginRecord()
    /// More bytes of the current field (never called once the record has an issue).
    mutating func append(_ bytes: UnsafePointer<UInt8>, count: Int)
    /// The current field is complete (never called once the record has an issue).
    mutating func endField()
    /// A well-formed record ended; returns true to make the parser stop and return it.
    mutating func endRecord(at position: CSVPosition, fieldCount: Int) -> Bool
    /// A malformed record ended; returns true to make the parser stop and return it.
    mutating func endMalformedRecord(_ issue: CSVIssue) -> Bool
}

/// Counts records and fields without keeping any bytes: the string-free fast path.
struct RecordCounter: RecordSink {
    var count = CSVCount()
    let onIssue: ((CSVIssue) -> Void)?

    @inline(__always) mutating func beginRecord() {}
    @inline(__always) mutating func append(_ bytes: UnsafePointer<UInt8>, count: Int) {}
    @inline(__always) mutating func endField() {}

    @inline(__always)
    mutating func endRecord(at position: CSVPosition, fieldCount: Int) -> Bool {
        count.records += 1
        count.fields += fieldCount
        return false
    }

    mutating func endMalformedRecord(_ issue: CSVIssue) -> Bool {
        count.issues += 1
        onIssue?(issue)
        return false
    }
}
