/// One input file of the run as the reports describe it: where, which bytes, how it was read.
public struct InputFileInfo: Sendable, Hashable {
    /// The path as the user gave it.
    public var path: String
    /// SHA-256 of the file's bytes, lower-case hex; see `InputFileDigest`.
    public var sha256: String
    /// Size in bytes.
    public var size: Int64
    /// The detected layout, e.g. `onboard-customers`, `onboard-users`, `portal-bulk-create`, `admin-center`.
    public var format: String
    /// The detected text encoding, e.g. `utf-8`, `utf-16le`, `windows-1252`.
    public var encoding: String
    /// The field delimiter as written in the file, e.g. `,`, `;` or a tab.
    public var delimiter: String
    /// Data rows read (the header not counted).
    public var rows: Int

    public init(
        path: String, sha256: String, size: Int64, format: String, encoding: String, delimiter: String,
        rows: Int
    ) {
        self.path = path
        self.sha256 = sha256
        self.size = size
        self.format = format
        self.encoding = encoding
        self.delimiter = delimiter
        self.rows = rows
    }

    /// The delimiter named for people: `comma`, `semicolon`, `tab`, `pipe`, or the character itself.
    public var delimiterName: String {
        switch delimiter {
        case ",": "comma"
        case ";": "semicolon"
        case "\t": "tab"
        case "|": "pipe"
        default: delimiter
        }
    }
}
