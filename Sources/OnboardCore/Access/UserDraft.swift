/// What the input says about one tenant user, already made of checked values: the input to create or
/// update a ``TenantUser`` and its role.
public struct UserDraft: Sendable, Hashable {
    /// The tenant named in the input; when `nil`, the tenant whose domains include the name's domain.
    public var tenant: DomainPrefix?
    public var userPrincipalName: UserPrincipalName
    /// The display name; ``DisplayName/make(firstName:lastName:)`` makes one when the input has none.
    public var displayName: DisplayName
    public var firstName: String?
    public var lastName: String?
    public var jobTitle: String?
    public var department: String?
    public var usageLocation: CountryCode?
    /// The access level; `nil` takes the policy's default role.
    public var role: Role?
    public var isSignInBlocked: Bool
    /// A given temporary password; `nil` lets the directory generate one.
    public var password: TemporaryPassword?

    public init(
        tenant: DomainPrefix? = nil, userPrincipalName: UserPrincipalName, displayName: DisplayName,
        firstName: String? = nil, lastName: String? = nil, jobTitle: String? = nil, department: String? = nil,
        usageLocation: CountryCode? = nil, role: Role? = nil, isSignInBlocked: Bool = false,
        password: TemporaryPassword? = nil
    ) {
        self.tenant = tenant
        self.userPrincipalName = userPrincipalName
        self.displayName = displayName
        self.firstName = firstName.nonBlank
        self.lastName = lastName.nonBlank
        self.jobTitle = jobTitle.nonBlank
        self.department = department.nonBlank
        self.usageLocation = usageLocation
        self.role = role
        self.isSignInBlocked = isSignInBlocked
        self.password = password
    }
}
