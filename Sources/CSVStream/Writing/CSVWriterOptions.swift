/// The line ending a `CSVWriter` puts after every record.
public enum CSVLineEnding: Sendable, Hashable {
    /// `\n`: Unix tools, onboard's own files.
    case lf
    /// `\r\n`: RFC 4180 and what Excel on Windows writes.
    case crlf

    var bytes: [UInt8] {
        switch self {
        case .lf: [0x0A]
        case .crlf: [0x0D, 0x0A]
        }
    }
}

/// How a `CSVWriter` writes its records.
public struct CSVWriterOptions: Sendable, Hashable {
    /// The field delimiter, one ASCII byte (`,` `;` tab `|`).
    public var delimiter: UInt8
    public var lineEnding: CSVLineEnding
    /// Whether a file starts with the UTF-8 byte-order mark, which Excel needs to read UTF-8 as UTF-8.
    public var byteOrderMark: Bool
    /// Whether cells that a spreadsheet would run as a formula get a leading `'` (see `CSVWriter`).
    public var guardsFormulas: Bool

    public init(
        delimiter: UInt8 = UInt8(ascii: ","),
        lineEnding: CSVLineEnding = .lf,
        byteOrderMark: Bool = false,
        guardsFormulas: Bool = true
    ) {
        precondition(
            delimiter < 0x80 && delimiter != UInt8(ascii: "\"") && delimiter != 0x0A && delimiter != 0x0D,
            "a CSV delimiter is one ASCII byte other than a quote or a line break")
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        self.byteOrderMark = byteOrderMark
        self.guardsFormulas = guardsFormulas
    }
}
