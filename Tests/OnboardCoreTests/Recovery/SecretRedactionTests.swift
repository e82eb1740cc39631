import OnboardCore
import Testing

/// No aggregate prints a secret: not via `description`, `String(reflecting:)` nor `dump`.
struct SecretRedactionTests {
    static let key = "VAULTKEY-1234567890"
    static let vCenterPassword = "vc-P4ssw0rd!"
    static let vmPassword = "vm-P4ssw0rd!"

    static func setup() -> RecoverySetup {
        let tenant = Fixture.prefix("contoso")
        return RecoverySetup(
            tenant: tenant, vaultRegistrationKey: Secret(key),
            configurationServer: ConfigurationServer(
                name: ConfigurationServer.defaultName(for: tenant),
                vCenterAccount: AccessAccount(
                    purpose: .vCenter, userName: "svc-vcenter", password: Secret(vCenterPassword)),
                virtualMachineAccount: AccessAccount(
                    purpose: .virtualMachines, userName: "svc-vm", password: Secret(vmPassword))),
            vCenter: VCenterRegistration(host: "vcenter.contoso.local"))
    }

    static func printed(_ value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return ["\(value)", String(reflecting: value), dumped]
    }

    @Test func recoverySetupNeverPrintsItsSecrets() {
        for text in Self.printed(Self.setup()) + Self.printed(Self.setup().configurationServer) {
            for secret in [Self.key, Self.vCenterPassword, Self.vmPassword] {
                #expect(!text.contains(secret), "a secret leaked into: \(text)")
            }
        }
    }

    @Test func theRecordHasNoSecretsAndKeepsTheNames() {
        var setup = Self.setup()
        setup.complete(.vaultCreated)
        setup.complete(.resourceGroupCreated)
        setup.complete(.vaultCreated)
        let record = setup.record
        #expect(record.completedSteps == [.resourceGroupCreated, .vaultCreated], "steps in order, once")
        #expect(
            record.resourceGroup == "rg-contoso-recovery" && record.vault == "rsv-contoso", "default names")
        #expect(record.vCenterAccountUserName == "svc-vcenter", "account names are kept")
        let mirror = Mirror(reflecting: record)
        #expect(!mirror.children.contains { $0.value is Secret }, "no Secret field in a record")
    }

    @Test func passwordsAndAppliedResultsNeverPrintTheirSecret() throws {
        let password = try TemporaryPassword.parse("Tr0ub4dor&3x", userName: "alice")
        let directory = InMemoryDirectory(makePassword: { _ in password })
        let applied = try directory.apply(Fixture.tenant("contoso"))
        let user = try Fixture.tenant("contoso").makeUser(Fixture.userDraft("alice@contoso.onmicrosoft.com"))
        let role = try Fixture.tenant("contoso").assign(.reader, to: user, policy: OnboardingPolicy())
        let appliedUser = try directory.apply(user, role: role, password: password)
        #expect(applied.adminPassword?.revealed == "Tr0ub4dor&3x", "the password is there to reveal")
        for text in Self.printed(applied) + Self.printed(appliedUser) + Self.printed(password) {
            #expect(!text.contains("Tr0ub4dor"), "the password leaked into: \(text)")
        }
    }
}
