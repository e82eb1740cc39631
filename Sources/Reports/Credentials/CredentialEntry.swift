import OnboardCore

/// One account to hand to a customer: who signs in where, with which temporary password.
public struct CredentialEntry: Sendable, Hashable {
    /// The tenant's domain prefix; a sheet refuses an entry of another tenant.
    public var tenant: String
    /// The user principal name, e.g. `admin@contoso.onmicrosoft.com`.
    public var signInName: String
    public var displayName: String
    public var temporaryPassword: Secret
    /// The password must be changed at first sign-in (always so for generated passwords).
    public var mustChangeAtFirstSignIn: Bool

    public init(
        tenant: String, signInName: String, displayName: String, temporaryPassword: Secret,
        mustChangeAtFirstSignIn: Bool = true
    ) {
        self.tenant = tenant
        self.signInName = signInName
        self.displayName = displayName
        self.temporaryPassword = temporaryPassword
        self.mustChangeAtFirstSignIn = mustChangeAtFirstSignIn
    }
}
