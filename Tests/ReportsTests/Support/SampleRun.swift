import Foundation
import OnboardCore
import Reports

/// A rich synthetic run: customers and users created, updated, unchanged, rejected with several
/// findings, duplicates, conflicts, warnings, non-ASCII text and hostile strings; and the
/// passwords that must never reach a report.
struct SampleRun {
    static let script = "<script>alert(1)</script>"
    static let imageTag = "\"><img src=x onerror=alert(1)>"
    static let nonASCII = "Zoë Ærøskøbing — 東京 😀"
    static let control = "tab\there\u{1}bell\u{7}"

    var metadata: RunMetadata
    var files: [InputFileInfo]
    var outcomes: [RowOutcome]
    var ending: RunEnding
    /// The plain passwords of the run: none may appear in a report.
    var passwords: [Secret]

    /// A run over `tenantCount` tenants with `usersPerTenant` users each, plus the hard cases.
    init(seed: UInt64 = 7, tenantCount: Int = 4, usersPerTenant: Int = 3, deterministic: Bool = true) {
        metadata = RunMetadata.starting(
            command: .import, toolVersion: "0.1.0", jobs: 4,
            options: [.init(name: "jobs", value: "4"), .init(name: "out", value: "out/run")],
            deterministic: deterministic, seed: seed,
            environment: deterministic ? ["SOURCE_DATE_EPOCH": "1764000000"] : [:])
        let customers = "samples/customers.csv"
        let users = "samples/users.csv"
        files = [
            InputFileInfo(
                path: customers, sha256: String(repeating: "ab", count: 32), size: 4_321,
                format: "onboard-customers", encoding: "utf-8", delimiter: ",", rows: tenantCount + 3),
            InputFileInfo(
                path: users, sha256: String(repeating: "0f", count: 32), size: 98_765,
                format: "portal-bulk-create", encoding: "windows-1252", delimiter: ";",
                rows: tenantCount * usersPerTenant + 4),
        ]
        var outcomes: [RowOutcome] = []
        var tenants: [TenantOutcome] = []
        var passwords: [Secret] = []
        let companies = [
            "Contoso Ltd", "Fabrikam GmbH", "Zoë Ærøskøbing ApS", "Northwind & Sons", "Tailspin Toys",
        ]
        for index in 0..<tenantCount {
            let prefix = "tenant\(index)"
            let kind: RowOutcome.Kind = index % 3 == 2 ? .unchanged : index % 3 == 1 ? .updated : .created
            outcomes.append(
                RowOutcome(
                    position: .init(file: customers, line: index + 2, record: index + 2), kind: kind,
                    entity: .customer, key: prefix, tenant: prefix))
            for user in 0..<usersPerTenant {
                let password = Secret("Pw-\(seed)-\(index)-\(user)-Xq9!")
                passwords.append(password)
                let line = 2 + index * usersPerTenant + user
                var findings: [Finding] = []
                if user == 1 {
                    findings.append(
                        Finding(
                            code: "weak-password", severity: .warning, field: "password",
                            message: "the password \(password) is short; it must be changed at first sign-in",
                            value: nil))
                }
                outcomes.append(
                    RowOutcome(
                        position: .init(file: users, line: line, record: line), kind: .created, entity: .user,
                        key: "user\(user)@\(prefix).onmicrosoft.com", tenant: prefix, findings: findings))
            }
            tenants.append(
                TenantOutcome(
                    prefix: prefix, company: companies[index % companies.count],
                    action: TenantOutcome.Action(rawValue: kind.rawValue)!,
                    stepsDone: kind == .created
                        ? ["account", "admin", "vault", "config-server", "vcenter", "access"] : [],
                    usersCreated: usersPerTenant))
        }
        let customerLine = tenantCount + 2
        let rejectedPassword = Secret("Rejected-\(seed)-Pw")
        passwords.append(rejectedPassword)
        outcomes += [
            RowOutcome(
                position: .init(file: customers, line: customerLine, record: customerLine), kind: .rejected,
                entity: .customer, key: "bad prefix!", tenant: nil,
                findings: [
                    Finding(
                        code: "invalid-prefix", severity: .error, field: "domain_prefix",
                        message: "a domain prefix has 1–27 letters or digits", value: "bad prefix!"),
                    Finding(
                        code: "invalid-country", severity: .error, field: "country",
                        message: "expected an ISO 3166-1 alpha-2 code such as DE or US", value: Self.script),
                    Finding(
                        code: "missing-contact", severity: .error, field: "contact_email",
                        message: "a primary contact e-mail is required", value: ""),
                ]),
            RowOutcome(
                position: .init(file: customers, line: customerLine + 1, record: customerLine + 1),
                kind: .duplicate,
                entity: .customer, key: "tenant0", tenant: "tenant0",
                firstSeen: .init(file: customers, line: 2, record: 2)),
            RowOutcome(
                position: .init(file: customers, line: customerLine + 2, record: customerLine + 2),
                kind: .rejected,
                isConflict: true, entity: .customer, key: "tenant1", tenant: "tenant1",
                firstSeen: .init(file: customers, line: 3, record: 3),
                findings: [
                    Finding(
                        code: "conflicting-duplicate", severity: .error, field: "company",
                        message: "tenant1 appeared on line 3 with another company", value: Self.nonASCII)
                ]),
        ]
        let userLine = 2 + tenantCount * usersPerTenant
        outcomes += [
            RowOutcome(
                position: .init(file: users, line: userLine, record: userLine), kind: .rejected,
                entity: .user,
                key: Self.imageTag, tenant: "tenant0",
                findings: [
                    Finding(
                        code: "invalid-upn", severity: .error, field: "user_principal_name",
                        message: "not a user principal name", value: Self.imageTag),
                    Finding(
                        code: "invalid-password", severity: .error, field: "password",
                        message: "the password \(rejectedPassword) does not meet the policy", value: nil),
                ]),
            RowOutcome(
                position: .init(file: users, line: userLine + 1, record: userLine + 1), kind: .duplicate,
                entity: .user, key: "user0@tenant0.onmicrosoft.com", tenant: "tenant0",
                firstSeen: .init(file: users, line: 2, record: 2)),
            RowOutcome(
                position: .init(file: users, line: userLine + 2, record: userLine + 2), kind: .rejected,
                isConflict: true, entity: .user, key: "user1@tenant0.onmicrosoft.com", tenant: "tenant0",
                firstSeen: .init(file: users, line: 3, record: 3),
                findings: [
                    Finding(
                        code: "conflicting-duplicate", severity: .error, field: "display_name",
                        message: "seen on line 3 with another display name", value: Self.control)
                ]),
            RowOutcome(
                position: .init(file: users, line: userLine + 3, record: userLine + 3), kind: .unchanged,
                entity: .user, key: "zoë@tenant1.onmicrosoft.com", tenant: "tenant1",
                findings: [
                    Finding(
                        code: "unknown-usage-location", severity: .warning, field: "usage_location",
                        message: "usage location left empty; defaulting to the tenant's country",
                        value: Self.nonASCII)
                ]),
        ]
        self.outcomes = outcomes
        self.passwords = passwords
        ending = RunEnding(
            metadata: metadata.finishing(at: Date(), interrupted: false), tenants: tenants,
            warnings: [
                RunWarning(
                    code: "ignored-column",
                    message: "column 'Notes \(Self.script)' is not known and was ignored",
                    file: users, line: 1),
                RunWarning(
                    code: "read-as-windows-1252", message: "users.csv is not UTF-8; read as windows-1252",
                    file: users),
            ],
            timings: [
                PhaseTiming(phase: "read", seconds: 1.25), PhaseTiming(phase: "provision", seconds: 7.5),
            ])
    }

    /// Feeds the run to `sink`, as the pipeline would.
    func write(to sink: some ReportSink) throws {
        try sink.begin(metadata, files: files)
        for outcome in outcomes { try sink.record(outcome) }
        try sink.finish(ending)
    }

    var totals: RunTotals { RunTotals(outcomes: outcomes, runWarnings: ending.warnings.count) }
}
