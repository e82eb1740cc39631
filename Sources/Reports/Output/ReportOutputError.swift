import Foundation

/// A report, sheet or folder could not be written: which path, which operation, what the OS said.
///
/// `No space left on device` while writing `out/report.xml` reads as such, so a person knows what
/// to free or where to point `--out` instead.
public struct ReportOutputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The operation that failed.
    public enum Operation: String, Sendable, Hashable {
        case createFolder = "creating the folder"
        case open = "opening"
        case read = "reading"
        case write = "writing"
        case sync = "flushing to disk"
        case close = "closing"
        case rename = "renaming into place"
        case setPermissions = "setting permissions of"
        case serialize = "serializing"
        case tenantMismatch = "appending to"
    }

    public var operation: Operation
    /// The path concerned (for a temporary file: the final path it stands for).
    public var path: String
    /// The OS error number, or 0 when the failure is not an OS error.
    public var code: Int32
    /// The OS message (`strerror`) or our own explanation.
    public var message: String

    public init(_ operation: Operation, path: String, code: Int32, message: String) {
        self.operation = operation
        self.path = path
        self.code = code
        self.message = message
    }

    /// An error from the current `errno`.
    init(_ operation: Operation, path: String, errno code: Int32 = errno) {
        self.init(operation, path: path, code: code, message: String(cString: strerror(code)))
    }

    public var description: String { "error \(operation.rawValue) \(path): \(message)" }
}
