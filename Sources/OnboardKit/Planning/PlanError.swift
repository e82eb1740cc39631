/// Why a plan could not be made at all (as opposed to rows being rejected).
public struct PlanError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// An input file does not exist.
        case missingFile
        /// An input file cannot be used: no header, missing required columns, not CSV.
        case unusableInput
        /// Reading or writing failed (permissions, a full disk, an I/O error).
        case inputOutput
    }

    public var kind: Kind
    /// The file concerned.
    public var path: String
    /// What is wrong and what to do.
    public var message: String

    public init(_ kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// `PATH: message`, as printed.
    public var description: String { "\(path): \(message)" }
}
