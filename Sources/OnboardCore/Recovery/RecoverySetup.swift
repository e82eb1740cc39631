/// A tenant's disaster-recovery set-up, secrets included: resource group, Recovery Services vault
/// and its registration key, configuration server with its access accounts, vCenter registration.
///
/// Secrets live here only on their way to the partner-only credential sheet; what a directory
/// records is ``record``, which has none.
public struct RecoverySetup: Sendable, Hashable {
    public let tenant: DomainPrefix
    public let resourceGroup: String
    public let vault: String
    public let vaultRegistrationKey: Secret
    public let configurationServer: ConfigurationServer
    public let vCenter: VCenterRegistration
    /// The steps done so far, in order.
    public private(set) var completedSteps: [RecoveryStep]

    /// The default resource group of a tenant: `rg-<prefix>-recovery`.
    public static func defaultResourceGroup(for tenant: DomainPrefix) -> String {
        "rg-\(tenant.rawValue)-recovery"
    }
    /// The default vault of a tenant: `rsv-<prefix>` (a vault name must start with a letter; prefixes may not).
    public static func defaultVault(for tenant: DomainPrefix) -> String { "rsv-\(tenant.rawValue)" }

    public init(
        tenant: DomainPrefix, resourceGroup: String? = nil, vault: String? = nil,
        vaultRegistrationKey: Secret,
        configurationServer: ConfigurationServer, vCenter: VCenterRegistration,
        completedSteps: [RecoveryStep] = []
    ) {
        self.tenant = tenant
        self.resourceGroup = resourceGroup ?? Self.defaultResourceGroup(for: tenant)
        self.vault = vault ?? Self.defaultVault(for: tenant)
        self.vaultRegistrationKey = vaultRegistrationKey
        self.configurationServer = configurationServer
        self.vCenter = vCenter
        self.completedSteps = completedSteps.sorted()
    }

    /// Marks a step done (once; the list stays in step order).
    public mutating func complete(_ step: RecoveryStep) {
        if !completedSteps.contains(step) { completedSteps = (completedSteps + [step]).sorted() }
    }

    /// Whether every step is done.
    public var isComplete: Bool { completedSteps == RecoveryStep.allCases }

    /// What may be recorded in a directory or report: everything but the secrets.
    public var record: RecoveryRecord {
        RecoveryRecord(
            tenant: tenant, resourceGroup: resourceGroup, vault: vault,
            configurationServer: configurationServer.name,
            vCenterAccountUserName: configurationServer.vCenterAccount.userName,
            virtualMachineAccountUserName: configurationServer.virtualMachineAccount.userName,
            vCenter: vCenter, completedSteps: completedSteps)
    }
}

/// A tenant's disaster-recovery set-up without its secrets: what a directory stores and reports show.
public struct RecoveryRecord: Sendable, Hashable {
    public let tenant: DomainPrefix
    public let resourceGroup: String
    public let vault: String
    public let configurationServer: String
    public let vCenterAccountUserName: String
    public let virtualMachineAccountUserName: String
    public let vCenter: VCenterRegistration
    public let completedSteps: [RecoveryStep]

    public init(
        tenant: DomainPrefix, resourceGroup: String, vault: String, configurationServer: String,
        vCenterAccountUserName: String, virtualMachineAccountUserName: String, vCenter: VCenterRegistration,
        completedSteps: [RecoveryStep]
    ) {
        self.tenant = tenant
        self.resourceGroup = resourceGroup
        self.vault = vault
        self.configurationServer = configurationServer
        self.vCenterAccountUserName = vCenterAccountUserName
        self.virtualMachineAccountUserName = virtualMachineAccountUserName
        self.vCenter = vCenter
        self.completedSteps = completedSteps.sorted()
    }

    /// The record as it stood when only its first `count` completed steps were done.
    public func withFirstSteps(_ count: Int) -> RecoveryRecord {
        RecoveryRecord(
            tenant: tenant, resourceGroup: resourceGroup, vault: vault,
            configurationServer: configurationServer,
            vCenterAccountUserName: vCenterAccountUserName,
            virtualMachineAccountUserName: virtualMachineAccountUserName, vCenter: vCenter,
            completedSteps: Array(completedSteps.prefix(count)))
    }
}
