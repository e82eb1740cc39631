#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The input could not be opened or read at all (as opposed to a malformed record, which is a `CSVIssue`).
///
/// Keeps the cause (`errno`) and adds the operation and the path, so a person reads
/// `could not open customers.csv: No such file or directory`.
public struct CSVInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path as the caller gave it (`<stdin>` for standard input).
    public var path: String
    /// What the reader was doing: `open` or `read`.
    public var operation: String
    /// The system error number.
    public var code: Int32

    public init(path: String, operation: String, code: Int32) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    /// The system's text for `code`, e.g. "No such file or directory".
    public var reason: String { String(cString: strerror(code)) }

    /// True when the file does not exist (callers map this to "not found" rather than a general I/O failure).
    public var isNotFound: Bool { code == ENOENT || code == ENOTDIR }

    public var description: String { "could not \(operation) \(path): \(reason)" }
}
