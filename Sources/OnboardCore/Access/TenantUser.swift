/// A user of one tenant: who they are and how they sign in. Never holds a password.
///
/// Made only through ``CustomerTenant/makeUser(_:)``, which checks that the user principal name's
/// domain is one of the tenant's domains, or with the tenant (its default admin).
public struct TenantUser: Sendable, Hashable, CustomStringConvertible {
    /// The tenant the user belongs to; exactly one.
    public let tenant: DomainPrefix
    public let userPrincipalName: UserPrincipalName
    public let displayName: DisplayName
    public let firstName: String?
    public let lastName: String?
    public let jobTitle: String?
    public let department: String?
    public let usageLocation: CountryCode?
    public let isSignInBlocked: Bool
    /// Whether this is the tenant's default admin, created with it.
    public let isDefaultAdmin: Bool

    init(tenant: DomainPrefix, draft: UserDraft) {
        self.tenant = tenant
        userPrincipalName = draft.userPrincipalName
        displayName = draft.displayName
        firstName = draft.firstName
        lastName = draft.lastName
        jobTitle = draft.jobTitle
        department = draft.department
        usageLocation = draft.usageLocation
        isSignInBlocked = draft.isSignInBlocked
        isDefaultAdmin = false
    }

    /// The default admin of a new tenant: `admin@prefix.onmicrosoft.com`.
    init(defaultAdminOf prefix: DomainPrefix, country: CountryCode) {
        tenant = prefix
        // Both parse: "admin" is a valid local part and the initial domain a valid domain.
        userPrincipalName = try! UserPrincipalName.parse("admin@\(prefix.initialDomain.rawValue)")
        displayName = try! DisplayName.parse("Administrator")
        firstName = nil
        lastName = nil
        jobTitle = nil
        department = nil
        usageLocation = country
        isSignInBlocked = false
        isDefaultAdmin = true
    }

    /// The draft this user was made from (no role, no password): what a store persists to make the
    /// same user again with ``CustomerTenant/makeUser(_:)``. The default admin is not rebuilt this way
    /// but taken from its tenant (``CustomerTenant/defaultAdmin``).
    public var draft: UserDraft {
        UserDraft(
            tenant: tenant, userPrincipalName: userPrincipalName, displayName: displayName,
            firstName: firstName,
            lastName: lastName, jobTitle: jobTitle, department: department, usageLocation: usageLocation,
            isSignInBlocked: isSignInBlocked)
    }

    /// The uniqueness key of the user across the directory.
    public var key: UserPrincipalName.Key { userPrincipalName.key }

    public var description: String { "\(displayName) <\(userPrincipalName)>" }

    /// What applying `self` means, given what the directory holds for the same key.
    public func change(from existing: TenantUser?) -> Change<UserAttribute> {
        guard let existing else { return .created }
        var changed: [UserAttribute] = []
        if userPrincipalName.rawValue != existing.userPrincipalName.rawValue {
            changed.append(.userPrincipalName)
        }
        if displayName != existing.displayName { changed.append(.displayName) }
        if firstName != existing.firstName { changed.append(.firstName) }
        if lastName != existing.lastName { changed.append(.lastName) }
        if jobTitle != existing.jobTitle { changed.append(.jobTitle) }
        if department != existing.department { changed.append(.department) }
        if usageLocation != existing.usageLocation { changed.append(.usageLocation) }
        if isSignInBlocked != existing.isSignInBlocked { changed.append(.signInBlocked) }
        return changed.isEmpty ? .unchanged : .updated(changed)
    }
}
