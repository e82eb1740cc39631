import OnboardCore

/// A secret only the partner may hold: a vault registration key or an access account of a
/// tenant's configuration server. Never on a tenant's sheet.
public struct PartnerSecretEntry: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case vaultRegistrationKey = "vault-registration-key"
        /// The account the configuration server uses for the vCenter server.
        case vCenterAccount = "vcenter-access-account"
        /// The account the configuration server uses inside the protected VMs.
        case vmAccount = "vm-access-account"
    }

    public var tenant: String
    public var kind: Kind
    /// The account name or the vault's name; not secret.
    public var name: String
    public var secret: Secret

    public init(tenant: String, kind: Kind, name: String, secret: Secret) {
        self.tenant = tenant
        self.kind = kind
        self.name = name
        self.secret = secret
    }
}
