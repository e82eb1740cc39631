/// One mistake in a configuration file: where it is, which key, what is wrong and what to write.
///
/// Printed as `FILE:LINE: error: [retry].attempts: MESSAGE`, or `FILE: error: [retry].attempts:
/// MESSAGE` when the line is not known (the compiler-style form editors jump to).
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The configuration file as given.
    public var file: String
    /// The line of the key (1-based), when it could be found.
    public var line: Int?
    /// The key as people look for it: `jobs`, `[retry].attempts`, `[inbox]`; empty for the file itself.
    public var keyPath: String
    public var message: String

    public init(file: String, line: Int?, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        let key = keyPath.isEmpty ? "" : "\(keyPath): "
        return "\(place): error: \(key)\(message)"
    }
}

/// Every mistake found in one configuration file, in the order of their lines; thrown together so
/// one `config check` shows them all.
public struct ConfigurationErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [ConfigurationError]
    /// True when the file itself could not be read (missing, unreadable), not its contents.
    public var isMissingFile: Bool

    public init(_ errors: [ConfigurationError], isMissingFile: Bool = false) {
        self.errors = errors
        self.isMissingFile = isMissingFile
    }

    /// One line per error.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
