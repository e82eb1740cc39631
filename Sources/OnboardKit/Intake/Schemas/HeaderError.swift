/// A header onboard cannot use: the whole file is refused, with one message saying why.
public struct HeaderError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Required columns are absent; names as the recognised format writes them.
        case missingColumns([String], InputFormat)
        /// The header matches no column of any known format.
        case unrecognised
        /// The file is of a format the caller did not ask for (users given as `--customers`).
        case unexpectedFormat(InputFormat, expected: Set<InputFormat>)
        /// The file has no header at all.
        case empty
    }

    public var kind: Kind
    /// The header cells as found.
    public var header: [String]

    public init(kind: Kind, header: [String]) {
        self.kind = kind
        self.header = header
    }

    /// What is wrong and what to do, without a file name (callers prefix `FILE:LINE: `).
    public var message: String {
        let found = header.isEmpty ? "no columns" : header.map { "\"\($0)\"" }.joined(separator: ", ")
        switch kind {
        case .missingColumns(let missing, let format):
            let list = missing.map { "\"\($0)\"" }.joined(separator: ", ")
            let noun = missing.count == 1 ? "column" : "columns"
            return "the header lacks the required \(noun) \(list); it looks like \(format.title); "
                + "found: \(found)"
        case .unrecognised:
            return "the header matches none of the known formats (customers.csv, users.csv, "
                + "the portal's bulk-create template, the admin center's template); found: \(found)"
        case .unexpectedFormat(let format, let expected):
            let option = expected.contains(.customers) ? "--users" : "--customers"
            return "this looks like \(format.title), not what was asked for here; pass it with \(option)"
        case .empty:
            return "the file is empty: a header line is needed"
        }
    }

    public var description: String { message }
}
