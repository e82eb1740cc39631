/// The text encodings the reader understands.
public enum CSVEncoding: String, Sendable, Hashable, CaseIterable {
    /// A byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); without one, UTF-8.
    case auto
    case utf8 = "utf-8"
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"
    /// Excel's "CSV (Windows)" export on Western systems.
    case windows1252 = "windows-1252"
}

/// How a `CSVReader` reads its input.
public struct CSVReaderOptions: Sendable, Hashable {
    /// The field delimiter; `nil` detects it from the header line among `,` `;` tab `|`.
    public var delimiter: UInt8?
    public var encoding: CSVEncoding
    /// A field longer than this (in bytes) makes its record malformed.
    public var maxFieldBytes: Int
    /// A record with more fields than this is malformed.
    public var maxFields: Int
    /// Bytes read from the input at a time.
    public var chunkSize: Int

    public init(
        delimiter: UInt8? = nil,
        encoding: CSVEncoding = .auto,
        maxFieldBytes: Int = 1 << 20,
        maxFields: Int = 4096,
        chunkSize: Int = 1 << 20
    ) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.maxFieldBytes = maxFieldBytes
        self.maxFields = maxFields
        self.chunkSize = chunkSize
    }
}
