/// One problem found in a row: which rule, how bad, which field, why.
public struct Finding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        /// The row cannot go through.
        case error
        /// The row goes through, but someone should look.
        case warning
    }

    /// A stable machine-readable code, e.g. `invalid-country` or `duplicate-upn`.
    public var code: String
    public var severity: Severity
    /// The column concerned, as named in the input; `nil` for the row as a whole.
    public var field: String?
    /// What is wrong and what to do, for a person.
    public var message: String
    /// The offending value as read. The pipeline passes `nil` for anything secret (a password column).
    public var value: String?

    public init(code: String, severity: Severity, field: String? = nil, message: String, value: String? = nil)
    {
        self.code = code
        self.severity = severity
        self.field = field
        self.message = message
        self.value = value
    }
}
