import OnboardCore

/// The secrets of a tenant's disaster-recovery set-up, from the system's secure generator: the
/// vault registration key and the configuration server's two access accounts.
enum RecoverySecrets {
    /// The vCenter server a new tenant's configuration server is registered with, until the partner
    /// changes it there: `vcenter.<prefix>.local`, port 443.
    static func defaultVCenter(for tenant: DomainPrefix) -> VCenterRegistration {
        VCenterRegistration(host: "vcenter.\(tenant.rawValue).local")
    }

    /// A complete set-up for `tenant` with new secrets and no step done.
    static func makeSetup(for tenant: DomainPrefix) -> RecoverySetup {
        var generator = SecureRandom()
        let vCenterName = "svc-vcenter-\(tenant.rawValue)"
        let machinesName = "svc-vm-\(tenant.rawValue)"
        let server = ConfigurationServer(
            name: ConfigurationServer.defaultName(for: tenant),
            vCenterAccount: AccessAccount(
                purpose: .vCenter, userName: vCenterName,
                password: TemporaryPassword.generate(avoiding: vCenterName, using: &generator)),
            virtualMachineAccount: AccessAccount(
                purpose: .virtualMachines, userName: machinesName,
                password: TemporaryPassword.generate(avoiding: machinesName, using: &generator)))
        return RecoverySetup(
            tenant: tenant, vaultRegistrationKey: registrationKey(using: &generator),
            configurationServer: server, vCenter: defaultVCenter(for: tenant))
    }

    /// 44 random letters and digits (about 262 bits): no symbol, so a spreadsheet never takes the key
    /// for a formula and nothing is lost copying it.
    static func registrationKey(using generator: inout some RandomNumberGenerator) -> Secret {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        let text = (0..<44).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return Secret(String(decoding: text, as: UTF8.self))
    }
}
