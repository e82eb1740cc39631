import OnboardCore

/// A user row of any user format turned into a tenant user with its role, or the reasons it cannot be.
public struct CheckedUser: Sendable {
    /// The draft, when the row has no error; its `tenant` and `role` are always filled in.
    public var draft: UserDraft?
    /// The user as the core makes it for its tenant, when the row has no error.
    public var user: TenantUser?
    /// The user's role on its tenant's cloud subscription, when the row has no error.
    public var assignment: RoleAssignment?
    /// The user's tenant, when it could be found.
    public var tenant: CustomerTenant?
    /// Every finding of the row, errors and warnings.
    public var findings: RowFindings
}

/// Checks user rows (users.csv and both templates) with the core's value rules, against the tenants
/// known to the run and the directory, and the onboarding policy.
public struct UserValidator: Sendable {
    public var policy: OnboardingPolicy
    private let roles = ParseMemo<Role>()
    private let countries = ParseMemo<CountryCode>(limit: 512)
    private let prefixes = ParseMemo<DomainPrefix>()

    public init(policy: OnboardingPolicy = OnboardingPolicy()) {
        self.policy = policy
    }

    /// Checks `row`, gathering every finding (not stopping at the first).
    ///
    /// - Throws: `DirectoryError` only when the directory cannot be asked about a tenant.
    public func check(_ row: IntakeRow, tenants: TenantCatalog) throws(DirectoryError) -> CheckedUser {
        var findings = RowFindings(file: row.file, line: row.line)
        findings.checkFieldCount(of: row)

        let upnRaw = row.raw(.userPrincipalName) ?? ""
        let upn = findings.required(.userPrincipalName, of: row).flatMap {
            findings.parse(.userPrincipalName, of: row, $0, with: UserPrincipalName.parse)
        }
        if upn != nil, upnRaw != upnRaw.trimmingWhitespace {
            findings.add(
                .upnWhitespace, field: row.column(.userPrincipalName), value: upnRaw,
                "Spaces around the user name were removed.")
        }
        let tenant = try resolveTenant(row, upn: upn, tenants: tenants, findings: &findings)

        let displayText = row.text(.displayName)
        let displayName: DisplayName? =
            if !displayText.isEmpty {
                findings.parse(.displayName, of: row, displayText, with: DisplayName.parse)
            } else {
                findings.parse(.displayName, of: row, displayText) { (_: String) throws(DomainViolations) in
                    try DisplayName.make(firstName: row.text(.firstName), lastName: row.text(.lastName))
                }
            }
        findings.checkInvisibleCharacters([.displayName, .firstName, .lastName], of: row)

        let usageText = row.text(.usageLocation)
        // The admin center's template has a country name ("Germany") where the others have a code.
        let usageCode = row.mapping.format == .adminCenter ? CountryNames.normalise(usageText) : usageText
        let usageLocation =
            usageText.isEmpty
            ? nil
            : findings.parse(.usageLocation, of: row, usageCode) {
                (text: String) throws(DomainViolations) in try countries.parse(text, with: CountryCode.parse)
            }

        let roleText = row.text(.role)
        let role =
            roleText.isEmpty
            ? policy.defaultRole
            : findings.parse(.role, of: row, roleText) { (text: String) throws(DomainViolations) in
                try roles.parse(text, with: Role.parse)
            }
        let blocked = findings.yesNo(.blockSignIn, of: row, default: false)

        // A password is taken exactly as given (a space may belong to it), but all-blank is no password.
        let passwordRaw = row.raw(.password) ?? ""
        var password: TemporaryPassword?
        if !passwordRaw.trimmingWhitespace.isEmpty {
            let userName = upn?.userName ?? String(row.text(.userPrincipalName).prefix { $0 != "@" })
            password = findings.parse(.password, of: row, passwordRaw) {
                (text: String) throws(DomainViolations) in
                try TemporaryPassword.parse(text, userName: userName)
            }
        }

        guard let upn, let tenant else { return CheckedUser(tenant: tenant, findings: findings) }
        // The tenant's and the policy's rules are the core's. They run even when another field failed,
        // so a rejected row lists everything; a stand-in name lets the domain rule run without one.
        let draft = UserDraft(
            tenant: tenant.prefix, userPrincipalName: upn, displayName: displayName ?? Self.standInName,
            firstName: row.text(.firstName), lastName: row.text(.lastName), jobTitle: row.text(.jobTitle),
            department: row.text(.department), usageLocation: usageLocation, role: role ?? policy.defaultRole,
            isSignInBlocked: blocked ?? false, password: password)
        let user = findings.parse(.userPrincipalName, of: row, upn.rawValue) {
            (_: String) throws(DomainViolations) in try tenant.makeUser(draft)
        }
        var assignment: RoleAssignment?
        if let role {
            let roleValue = roleText.isEmpty ? role.rawValue : roleText
            if let user {
                assignment = findings.parse(.role, of: row, roleValue) {
                    (_: String) throws(DomainViolations) in try tenant.assign(role, to: user, policy: policy)
                }
            } else if let violation = policy.violation(giving: role, in: tenant.disasterRecoveryMode) {
                findings.add(violation.rule, field: row.column(.role), value: roleValue, violation.message)
            }
        }
        guard !findings.hasErrors, displayName != nil, blocked != nil, let user, let assignment else {
            return CheckedUser(tenant: tenant, findings: findings)
        }
        return CheckedUser(
            draft: draft, user: user, assignment: assignment, tenant: tenant, findings: findings)
    }

    /// Stands in for a missing or invalid display name while the tenant's rules are checked.
    private static let standInName = try! DisplayName.parse("user")

    /// Finds the user's tenant from the `tenant` column or, when that is empty, from the UPN's domain.
    private func resolveTenant(
        _ row: IntakeRow, upn: UserPrincipalName?, tenants: TenantCatalog, findings: inout RowFindings
    ) throws(DirectoryError) -> CustomerTenant? {
        let tenantText = row.text(.tenant)
        if tenantText.isEmpty {
            guard let upn else { return nil }
            if let tenant = try tenants.tenant(owning: upn.domain) { return tenant }
            findings.add(
                .unknownTenant, field: row.column(.userPrincipalName), value: upn.rawValue,
                "No tenant of this run or of the directory has the domain \(upn.domain.rawValue); add the tenant to "
                    + "the customers file, add the domain to its domains, or fill in the tenant column.")
            return nil
        }
        guard
            let prefix = findings.parse(
                .tenant, of: row, tenantText,
                with: { (text: String) throws(DomainViolations) in
                    try prefixes.parse(text, with: DomainPrefix.parse)
                })
        else {
            return nil
        }
        if let tenant = try tenants.tenant(prefix) { return tenant }
        findings.add(
            .unknownTenant, field: row.column(.tenant), value: tenantText,
            "The tenant \(prefix.rawValue) is neither in this run's customers nor in the directory; add it to "
                + "the customers file or correct the name.")
        return nil
    }
}

extension CheckedUser {
    init(tenant: CustomerTenant?, findings: RowFindings) {
        self.init(draft: nil, user: nil, assignment: nil, tenant: tenant, findings: findings)
    }
}
