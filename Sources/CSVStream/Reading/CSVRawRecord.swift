/// A record's fields as byte slices of the reader's buffer: the allocation-free view for hot loops.
///
/// Only valid inside the closure given to `CSVReader.nextRaw(_:)`: the reader reuses the buffer for
/// the next record, so neither the record nor a slice may be kept (copy what you need). The bytes are
/// the field's content as UTF-8, unquoted and unescaped (`""` already turned into `"`), and were
/// checked to be valid UTF-8.
///
/// ```swift
/// while let result = try reader.nextRaw({ record in record[0].count }) { … }
/// ```
public struct CSVRawRecord {
    /// Where the record starts.
    public let position: CSVPosition
    @usableFromInline let bytes: UnsafePointer<UInt8>
    @usableFromInline let ends: UnsafePointer<Int>
    /// The number of fields.
    public let count: Int

    init(position: CSVPosition, bytes: UnsafePointer<UInt8>, ends: UnsafePointer<Int>, count: Int) {
        self.position = position
        self.bytes = bytes
        self.ends = ends
        self.count = count
    }

    /// The UTF-8 bytes of field `index` (0-based).
    @inlinable @inline(__always)
    public subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(index >= 0 && index < count, "field index \(index) out of range 0..<\(count)")
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(start: bytes + start, count: ends[index] - start)
    }

    /// Field `index` as a `String`.
    @inlinable @inline(__always)
    public func string(at index: Int) -> String { String(decoding: self[index], as: UTF8.self) }

    /// All fields as `String`s.
    @inlinable
    public var strings: [String] {
        var fields: [String] = []
        fields.reserveCapacity(count)
        for index in 0..<count { fields.append(string(at: index)) }
        return fields
    }
}
