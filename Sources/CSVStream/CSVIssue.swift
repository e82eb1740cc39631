/// A problem with one record of a CSV file. The reader reports it and goes on with the next record.
public struct CSVIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A `"` inside a field that did not start with a quote.
        case quoteInUnquotedField
        /// Characters between a closing quote and the next delimiter or line end.
        case textAfterClosingQuote
        /// A quoted field still open at the end of the input; `line`/`column` say where it opened.
        case unterminatedQuote
        /// A field longer than the configured limit (bytes).
        case fieldTooLarge(limit: Int)
        /// A record with more fields than the configured limit.
        case tooManyFields(limit: Int)
        /// A NUL byte, which no text file holds.
        case nulByte
        /// Bytes that are not valid UTF-8.
        case invalidUTF8
    }

    public var kind: Kind
    /// Where the record starts.
    public var position: CSVPosition
    /// 1-based physical line of the problem itself (may be after the record's first line).
    public var line: Int
    /// 1-based column of the problem on that line, in characters.
    public var column: Int

    public init(kind: Kind, position: CSVPosition, line: Int, column: Int) {
        self.kind = kind
        self.position = position
        self.line = line
        self.column = column
    }

    /// What went wrong and what to do about it, for a person (no file name: callers prefix `FILE:LINE:COLUMN`).
    public var message: String {
        switch kind {
        case .quoteInUnquotedField:
            return "a quote (\") appears inside a field that does not start with a quote; "
                + "put the whole field in quotes and double the inner quote (\"\")"
        case .textAfterClosingQuote:
            return "text follows a closing quote; a quoted field must end at a delimiter or line end"
        case .unterminatedQuote:
            return "a quoted field opened here is never closed; add the missing closing quote (\")"
        case .fieldTooLarge(let limit):
            return "a field is longer than the limit of \(limit) bytes; this is not a normal CSV field"
        case .tooManyFields(let limit):
            return "the record has more than \(limit) fields"
        case .nulByte:
            return "the record contains a NUL byte; the file is probably binary or in the wrong encoding"
        case .invalidUTF8:
            return "bytes that are not valid UTF-8; save the file as UTF-8, or read it with --encoding windows-1252"
        }
    }

    public var description: String { "\(line):\(column): \(message)" }
}
