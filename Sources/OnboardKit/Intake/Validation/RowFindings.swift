import OnboardCore

/// The findings of one row, gathered while every rule runs, so a rejected row lists all of them.
public struct RowFindings: Sendable {
    public let file: String
    public let line: Int
    public private(set) var items: [Finding] = []

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var hasErrors: Bool { items.contains(where: \.isError) }
    public var errors: [Finding] { items.filter(\.isError) }
    public var warnings: [Finding] { items.filter { !$0.isError } }

    /// Adds a finding of an intake rule.
    public mutating func add(_ rule: IntakeRule, field: String?, value: String?, _ message: String) {
        items.append(
            Finding(
                code: rule.code, severity: rule.severity, file: file, line: line, field: field, value: value,
                message: message))
    }

    /// Adds every violation the core reported for one field's value.
    ///
    /// `secret` leaves the value out (passwords): the core's messages never quote one either.
    public mutating func add(
        _ violations: DomainViolations, field: String, value: String, secret: Bool = false
    ) {
        for violation in violations.violations {
            items.append(
                Finding(
                    code: violation.rule.code, severity: .error, file: file, line: line, field: field,
                    value: secret ? nil : value, message: violation.message))
        }
    }

    /// Adds a finding made elsewhere (dedup, tenant checks).
    public mutating func add(_ finding: Finding) { items.append(finding) }

    /// Adds a core rule as an error, with its own message.
    public mutating func add(_ rule: Rule, field: String?, value: String?, _ message: String) {
        items.append(
            Finding(
                code: rule.code, severity: .error, file: file, line: line, field: field, value: value,
                message: message))
    }
}
