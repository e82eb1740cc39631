/// An account stored on the configuration server to reach the vCenter server or the VMs.
///
/// Partner-only: its password is a ``Secret`` and goes only on the partner's credential sheet.
public struct AccessAccount: Sendable, Hashable {
    /// What the account reaches.
    public enum Purpose: String, Sendable, Hashable, CaseIterable {
        case vCenter = "vcenter"
        case virtualMachines = "virtual-machines"
    }

    public let purpose: Purpose
    public let userName: String
    public let password: Secret

    public init(purpose: Purpose, userName: String, password: Secret) {
        self.purpose = purpose
        self.userName = userName.trimmed
        self.password = password
    }
}
