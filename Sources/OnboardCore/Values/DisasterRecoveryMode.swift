/// Who runs a tenant's disaster recovery once the partner has set it up.
///
/// Parsed ignoring case, spaces, `-` and `_` (`self service`, `selfservice`, `Self_Service`).
/// Accepted aliases, and only these: `partner-managed` for ``managed`` and `customer-managed` for
/// ``selfService`` (the portal's own wording). A bare `customer` or `partner` is rejected: it names a
/// party, not a mode, and reads either way.
public enum DisasterRecoveryMode: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The partner runs disaster recovery for the customer.
    case managed = "managed"
    /// The customer runs disaster recovery themselves.
    case selfService = "self-service"

    /// Parses a mode name or alias.
    public static func parse(_ raw: String) throws(DomainViolations) -> DisasterRecoveryMode {
        let text = raw.trimmed
        switch text.looseKey {
        case "managed", "partnermanaged": return .managed
        case "selfservice", "customermanaged": return .selfService
        default:
            throw DomainViolations(
                DomainViolation(
                    .drModeUnknown,
                    "The disaster recovery mode \(quoted(text)) is unknown; use managed (the partner runs it) or self-service (the customer runs it)."
                ))
        }
    }

    public var description: String { rawValue }
}
