import OnboardCore
import Testing

/// The rules a parse broke, or `[]` when it succeeded: lets a test state "breaks exactly these".
func rulesBroken<T>(_ parse: () throws(DomainViolations) -> T) -> [Rule] {
    do {
        _ = try parse()
        return []
    } catch {
        return error.rules
    }
}

/// The messages of a failed parse, or `[]`.
func messages<T>(_ parse: () throws(DomainViolations) -> T) -> [String] {
    do {
        _ = try parse()
        return []
    } catch {
        return error.violations.map(\.message)
    }
}
