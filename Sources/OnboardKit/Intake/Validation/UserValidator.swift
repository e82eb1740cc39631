import OnboardCore

/// A user row of any user format turned into a `UserDraft`, or the reasons it cannot be.
public struct CheckedUser: Sendable {
    /// The draft, when the row has no error; its `tenant` and `role` are always filled in.
    public var draft: UserDraft?
    /// The user's tenant, when it could be found.
    public var tenant: TenantFacts?
    /// Every finding of the row, errors and warnings.
    public var findings: RowFindings
}

/// Checks user rows (users.csv and both templates) against the core's value rules, the tenants
/// known to the run and the onboarding policy.
public struct UserValidator: Sendable {
    public var policy: OnboardingPolicy

    public init(policy: OnboardingPolicy = OnboardingPolicy()) {
        self.policy = policy
    }

    /// Checks `row`, gathering every finding (not stopping at the first).
    public func check(_ row: IntakeRow, tenants: TenantCatalog) -> CheckedUser {
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
        let tenant = resolveTenant(row, upn: upn, tenants: tenants, findings: &findings)

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
        let usageLocation =
            usageText.isEmpty
            ? nil
            : findings.parse(
                .usageLocation, of: row, CountryNames.normalise(usageText), with: CountryCode.parse)

        let roleText = row.text(.role)
        let role =
            roleText.isEmpty ? policy.defaultRole : findings.parse(.role, of: row, roleText, with: Role.parse)
        if let role, let tenant, let violation = policy.violation(giving: role, in: tenant.mode) {
            findings.add(
                violation.rule, field: row.column(.role), value: roleText.isEmpty ? role.rawValue : roleText,
                violation.message)
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

        guard !findings.hasErrors, let upn, let tenant, let displayName, let role, let blocked else {
            return CheckedUser(draft: nil, tenant: tenant, findings: findings)
        }
        let draft = UserDraft(
            tenant: tenant.prefix, userPrincipalName: upn, displayName: displayName,
            firstName: row.text(.firstName), lastName: row.text(.lastName), jobTitle: row.text(.jobTitle),
            department: row.text(.department), usageLocation: usageLocation, role: role,
            isSignInBlocked: blocked,
            password: password)
        return CheckedUser(draft: draft, tenant: tenant, findings: findings)
    }

    /// Finds the user's tenant from the `tenant` column or, when that is empty, from the UPN's domain.
    private func resolveTenant(
        _ row: IntakeRow, upn: UserPrincipalName?, tenants: TenantCatalog, findings: inout RowFindings
    ) -> TenantFacts? {
        let tenantText = row.text(.tenant)
        if tenantText.isEmpty {
            guard let upn else { return nil }
            if let facts = tenants.tenant(owning: upn.domain) { return facts }
            findings.add(
                .unknownTenant, field: row.column(.userPrincipalName), value: upn.rawValue,
                "No tenant of this run or of the directory has the domain \(upn.domain.rawValue); add the tenant to "
                    + "the customers file, add the domain to its domains, or fill in the tenant column.")
            return nil
        }
        guard let prefix = findings.parse(.tenant, of: row, tenantText, with: DomainPrefix.parse) else {
            return nil
        }
        guard let facts = tenants.tenant(prefix) else {
            findings.add(
                .unknownTenant, field: row.column(.tenant), value: tenantText,
                "The tenant \(prefix.rawValue) is neither in this run's customers nor in the directory; add it to "
                    + "the customers file or correct the name.")
            return nil
        }
        if let upn, !facts.domains.contains(upn.domain) {
            let owner = tenants.tenant(owning: upn.domain).map {
                " (it belongs to the tenant \($0.prefix.rawValue))"
            }
            findings.add(
                .upnDomain, field: row.column(.userPrincipalName), value: upn.rawValue,
                "The domain \(upn.domain.rawValue) is not one of the tenant \(prefix.rawValue)'s domains"
                    + (owner ?? "") + "; use "
                    + facts.domains.map(\.rawValue).joined(separator: " or ")
                    + ", or add the domain to the tenant.")
        }
        return facts
    }
}
