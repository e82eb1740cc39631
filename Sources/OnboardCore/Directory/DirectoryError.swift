/// Why a directory refused or failed an operation, with a message for a person.
///
/// `transient` failures may succeed when retried (the engine retries them, after `retryAfter` when
/// given); every other case is permanent for that input. Messages never contain a secret and never
/// name another tenant (tenant isolation: this text goes into one tenant's report).
public enum DirectoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Another tenant already has this domain prefix.
    case prefixTaken(DomainPrefix)
    /// Another tenant already has this verified domain.
    case domainTaken(DomainName)
    /// A user with this name (compared by key) already exists, in this or another tenant.
    case upnTaken(UserPrincipalName)
    /// The user principal name's domain is not one of the tenant's domains.
    case upnDomainNotInTenant(UserPrincipalName, tenant: DomainPrefix)
    /// No tenant has this prefix.
    case unknownTenant(DomainPrefix)
    /// No user has this name in the tenant.
    case unknownUser(UserPrincipalName)
    /// The change would break a domain rule against what the directory holds (e.g. removing a domain
    /// that users still sign in with).
    case conflict(DomainViolations)
    /// A failure that may pass when retried (a timeout, throttling, a busy store).
    case transient(reason: String, retryAfter: Duration?)
    /// A failure that will not pass when retried.
    case permanent(reason: String)

    /// Whether retrying may help.
    public var isTransient: Bool {
        if case .transient = self { return true }
        return false
    }

    /// What went wrong and what to do, for a person.
    public var message: String {
        switch self {
        case .prefixTaken(let prefix):
            "The domain prefix \(prefix) is already taken by another tenant; choose another prefix."
        case .domainTaken(let domain):
            "The domain \(domain) is already a domain of another tenant; a domain can belong to one tenant only."
        case .upnTaken(let upn):
            "The user name \(upn) is already taken; user names are unique across all tenants."
        case .upnDomainNotInTenant(let upn, let tenant):
            "The user name \(upn) is on the domain \(upn.domain), which is not one of tenant \(tenant)'s domains."
        case .unknownTenant(let prefix):
            "There is no tenant \(prefix); onboard the customer first or check the prefix."
        case .unknownUser(let upn):
            "There is no user \(upn) in this tenant."
        case .conflict(let violations):
            violations.violations.map(\.message).joined(separator: " ")
        case .transient(let reason, let retryAfter):
            "The directory is temporarily unavailable (\(reason))"
                + (retryAfter.map { "; retry after \($0)." } ?? "; retry later.")
        case .permanent(let reason):
            "The directory refused the change: \(reason)"
        }
    }

    public var description: String { message }
}
