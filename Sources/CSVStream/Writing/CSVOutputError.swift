#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A CSV file could not be created, written, synced or closed: which file, what was being done, and the
/// system's reason (`No space left on device`).
public struct CSVOutputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the writer was doing when the system refused.
    public enum Operation: String, Sendable, Hashable {
        case create, write, sync, close
    }

    /// The file's path, or the name given for a file descriptor (`<stdout>`).
    public var path: String
    public var operation: Operation
    /// The `errno` value.
    public var code: Int32
    /// The system's text for `code`, read when the error happened.
    public var reason: String

    public init(path: String, operation: Operation, code: Int32) {
        self.path = path
        self.operation = operation
        self.code = code
        self.reason = String(cString: strerror(code))
    }

    public var description: String {
        let verb =
            switch operation {
            case .create: "cannot create"
            case .write: "cannot write to"
            case .sync: "cannot sync"
            case .close: "cannot close"
            }
        return "\(verb) \(path): \(reason) (errno \(code))"
    }
}
