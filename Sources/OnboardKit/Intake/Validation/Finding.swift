/// One thing wrong (or doubtful) with one row: the rule, where, the value, and what to do.
public struct Finding: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The row cannot be imported.
        case error
        /// The row is imported; a person should look at it.
        case warning
    }

    /// The rule's stable code (`required.missing`, `upn.whitespace`, a core rule code, …).
    public var code: String
    public var severity: Severity
    /// The input file's path as given.
    public var file: String
    /// 1-based physical line where the row starts.
    public var line: Int
    /// The column as the file names it; `nil` for a finding about the whole row.
    public var field: String?
    /// The offending value; `nil` for secrets and for findings without one.
    public var value: String?
    /// What is wrong and what to do, for a person.
    public var message: String

    public init(
        code: String, severity: Severity, file: String, line: Int, field: String?, value: String?,
        message: String
    ) {
        self.code = code
        self.severity = severity
        self.file = file
        self.line = line
        self.field = field
        self.value = value
        self.message = message
    }

    public var isError: Bool { severity == .error }

    /// `FILE:LINE: FIELD: message (value)`, the form printed for people.
    public var description: String {
        var text = "\(file):\(line): "
        if let field { text += "\(field): " }
        if severity == .warning { text += "warning: " }
        text += message
        if let value { text += " (\(value.isEmpty ? "empty" : "\"\(value)\""))" }
        return text
    }
}
