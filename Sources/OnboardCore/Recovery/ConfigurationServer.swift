/// A tenant's management (configuration) server: registered with the vault, reachable only by the
/// partner, holding the two access accounts.
public struct ConfigurationServer: Sendable, Hashable {
    public let name: String
    public let vCenterAccount: AccessAccount
    public let virtualMachineAccount: AccessAccount

    /// The default name of a tenant's configuration server: `cs-<prefix>`.
    public static func defaultName(for tenant: DomainPrefix) -> String { "cs-\(tenant.rawValue)" }

    public init(name: String, vCenterAccount: AccessAccount, virtualMachineAccount: AccessAccount) {
        self.name = name
        self.vCenterAccount = vCenterAccount
        self.virtualMachineAccount = virtualMachineAccount
    }
}

/// The vCenter server registered with a tenant's configuration server; only that tenant's VMs are
/// visible to it.
public struct VCenterRegistration: Sendable, Hashable {
    /// The vCenter host name or IP address.
    public let host: String
    public let port: Int

    public init(host: String, port: Int = 443) {
        self.host = host.trimmed
        self.port = port
    }
}
