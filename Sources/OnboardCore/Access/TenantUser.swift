/// A user of one tenant: who they are and how they sign in. Never holds a password.
///
/// Made only through ``CustomerTenant/makeUser(_:)``, which checks that the user principal name's
/// domain is one of the tenant's domains, or with the tenant (its default admin).
public struct TenantUser: Sendable, Hashable, CustomStringConvertible {
    /// The tenant the user belongs to; exactly one.
    public var tenant: DomainPrefix { box.values.tenant }
    public var userPrincipalName: UserPrincipalName { box.values.userPrincipalName }
    public var displayName: DisplayName { box.values.displayName }
    public var firstName: String? { box.values.firstName }
    public var lastName: String? { box.values.lastName }
    public var jobTitle: String? { box.values.jobTitle }
    public var department: String? { box.values.department }
    public var usageLocation: CountryCode? { box.values.usageLocation }
    public var isSignInBlocked: Bool { box.values.isSignInBlocked }
    /// Whether this is the tenant's default admin, created with it.
    public var isDefaultAdmin: Bool { box.values.isDefaultAdmin }

    /// The values, behind one reference (see ``SharedValues``); a user never changes once made.
    private let box: SharedValues<Values>

    init(tenant: DomainPrefix, draft: UserDraft) {
        box = SharedValues(
            Values(
                tenant: tenant, userPrincipalName: draft.userPrincipalName, displayName: draft.displayName,
                firstName: draft.firstName, lastName: draft.lastName, jobTitle: draft.jobTitle,
                department: draft.department, usageLocation: draft.usageLocation,
                isSignInBlocked: draft.isSignInBlocked, isDefaultAdmin: false))
    }

    /// The default admin of a new tenant: `admin@prefix.onmicrosoft.com`.
    init(defaultAdminOf prefix: DomainPrefix, country: CountryCode) {
        // Both parse: "admin" is a valid local part and the initial domain a valid domain.
        box = SharedValues(
            Values(
                tenant: prefix,
                userPrincipalName: try! UserPrincipalName.parse("admin@\(prefix.initialDomain.rawValue)"),
                displayName: try! DisplayName.parse("Administrator"), firstName: nil, lastName: nil,
                jobTitle: nil, department: nil, usageLocation: country, isSignInBlocked: false,
                isDefaultAdmin: true))
    }

    /// A user of exactly these values (see `Directory+Restoring.swift`).
    init(values: Values) { box = SharedValues(values) }

    /// Every stored value, compared and hashed as the struct's own fields were.
    struct Values: Sendable, Hashable {
        let tenant: DomainPrefix
        let userPrincipalName: UserPrincipalName
        let displayName: DisplayName
        let firstName: String?
        let lastName: String?
        let jobTitle: String?
        let department: String?
        let usageLocation: CountryCode?
        let isSignInBlocked: Bool
        let isDefaultAdmin: Bool
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
