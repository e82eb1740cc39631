/// One step of setting up a tenant's disaster recovery, in the order the partner does them.
///
/// The raw value is the step's stable name in reports and the store.
public enum RecoveryStep: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case resourceGroupCreated = "resource-group"
    case vaultCreated = "vault"
    case registrationKeyDownloaded = "vault-registration-key"
    case configurationServerRegistered = "configuration-server"
    case accessAccountsStored = "access-accounts"
    case vCenterRegistered = "vcenter"
    case infrastructurePrepared = "infrastructure-prepared"

    public var description: String { rawValue }

    public static func < (lhs: RecoveryStep, rhs: RecoveryStep) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
