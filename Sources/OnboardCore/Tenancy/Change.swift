/// What applying desired state to the directory means: make it, change some attributes, or nothing.
///
/// Decided in the core, by comparing values, so every directory and the engine agree on idempotence:
/// re-applying the same input is `unchanged`, a changed attribute is `updated`, never a new object.
public enum Change<Attribute: Sendable & Hashable>: Sendable, Hashable {
    case created
    case updated([Attribute])
    case unchanged
}

/// A tenant attribute that an import may change; the raw value is its stable name in reports.
public enum TenantAttribute: String, Sendable, Hashable, CaseIterable {
    case company, country, address, contact, language, culture, subscriptions, domains
    case disasterRecoveryMode = "dr-mode"
}

/// A user attribute that an import may change; the raw value is its stable name in reports.
public enum UserAttribute: String, Sendable, Hashable, CaseIterable {
    /// The spelling of the user principal name (same key, different case or width).
    case userPrincipalName = "user-principal-name"
    case displayName = "display-name"
    case firstName = "first-name"
    case lastName = "last-name"
    case jobTitle = "job-title"
    case department
    case usageLocation = "usage-location"
    case signInBlocked = "block-sign-in"
}

/// A role-assignment attribute that an import may change.
public enum RoleAssignmentAttribute: String, Sendable, Hashable, CaseIterable {
    case role, subscription
}
