/// Where a record starts in its input, so a person can find the row.
public struct CSVPosition: Sendable, Hashable {
    /// 1-based physical line on which the record starts (a `sep=` line and blank lines count as lines).
    public var line: Int
    /// 1-based record number: the header is record 1; blank lines are not records, malformed ones are.
    public var record: Int
    /// Byte offset of the record's first byte: in the original input for UTF-8 (a byte-order mark
    /// counted); for UTF-16 and Windows-1252 input, in the UTF-8 text the reader decoded it to.
    public var byteOffset: Int

    public init(line: Int, record: Int, byteOffset: Int) {
        self.line = line
        self.record = record
        self.byteOffset = byteOffset
    }
}

/// One record of a CSV file: its fields, exactly as written (unquoted, nothing trimmed), and where it starts.
public struct CSVRecord: Sendable, Hashable {
    public var fields: [String]
    public var position: CSVPosition

    public init(fields: [String], position: CSVPosition) {
        self.fields = fields
        self.position = position
    }
}
