/// One broken domain rule, explained for the person who has to fix the input.
///
/// The `rule` is stable and machine-readable (it goes into reports and the rejects file); the
/// `message` says what is wrong and what to do. A message may quote the offending value unless that
/// value is secret: password violations never quote the password.
public struct DomainViolation: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule that was broken.
    public var rule: Rule
    /// What is wrong and what to do, for a non-programmer.
    public var message: String

    public init(_ rule: Rule, _ message: String) {
        self.rule = rule
        self.message = message
    }

    public var description: String { "\(rule.code): \(message)" }
}

/// Every violation a value showed at once, so a person can fix a row in one go.
///
/// Parsers throw this rather than stopping at the first problem: a user principal name can be too
/// long *and* contain `..`, and both are reported. Never empty.
public struct DomainViolations: Error, Sendable, Hashable, CustomStringConvertible {
    /// The violations, in the order they were found; at least one.
    public var violations: [DomainViolation]

    public init(_ violations: [DomainViolation]) {
        precondition(!violations.isEmpty, "DomainViolations needs at least one violation")
        self.violations = violations
    }

    public init(_ violation: DomainViolation) {
        self.violations = [violation]
    }

    /// The rules that were broken, in order, for quick checks.
    public var rules: [Rule] { violations.map(\.rule) }

    public var description: String { violations.map(\.description).joined(separator: "; ") }
}

/// Collects violations while a parser checks every rule, then throws them all at once.
struct ViolationList {
    private(set) var items: [DomainViolation] = []

    mutating func add(_ rule: Rule, _ message: String) {
        items.append(DomainViolation(rule, message))
    }

    mutating func add(contentsOf other: [DomainViolation]) {
        items.append(contentsOf: other)
    }

    var isEmpty: Bool { items.isEmpty }

    /// Throws the collected violations, if any.
    func throwIfAny() throws(DomainViolations) {
        if !items.isEmpty { throw DomainViolations(items) }
    }
}
