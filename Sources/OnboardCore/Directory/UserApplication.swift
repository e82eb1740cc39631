/// One user to apply in a batch: the user, its role, and the temporary password to use if it is
/// created now (`nil`: the directory generates one).
public struct UserApplication: Sendable, Hashable {
    public let user: TenantUser
    public let role: RoleAssignment
    public let password: TemporaryPassword?

    public init(user: TenantUser, role: RoleAssignment, password: TemporaryPassword? = nil) {
        self.user = user
        self.role = role
        self.password = password
    }
}
