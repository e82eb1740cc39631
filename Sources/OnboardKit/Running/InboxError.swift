/// Why a run could not use its inbox folders: the inbox is missing, or a file could not be moved or
/// the ledger written.
public struct InboxError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The inbox folder does not exist (a configuration pointing to the wrong place).
        case missingFolder
        /// Listing, reading, moving or writing failed (permissions, a full disk).
        case inputOutput
    }

    public var kind: Kind
    /// The file or folder concerned.
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
