/// A warning about the run as a whole rather than one row: an ignored column, a file read as
/// windows-1252, a tenant skipped because its customer row was rejected.
public struct RunWarning: Sendable, Hashable {
    public var code: String
    public var message: String
    /// The file concerned, if any.
    public var file: String?
    /// The line concerned, if any.
    public var line: Int?

    public init(code: String, message: String, file: String? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }
}
