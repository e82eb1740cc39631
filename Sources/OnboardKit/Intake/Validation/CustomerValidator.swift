import OnboardCore

/// A customers.csv row turned into a `TenantDraft`, or the reasons it cannot be.
public struct CheckedCustomer: Sendable {
    /// The draft, when the row has no error.
    public var draft: TenantDraft?
    /// Every finding of the row, errors and warnings.
    public var findings: RowFindings
}

/// Checks customers.csv rows: required fields, then each value with the core's parsers.
public enum CustomerValidator {
    /// Checks `row`, gathering every finding (not stopping at the first).
    public static func check(_ row: IntakeRow) -> CheckedCustomer {
        var findings = RowFindings(file: row.file, line: row.line)
        findings.checkFieldCount(of: row)

        let prefix = findings.required(.domainPrefix, of: row).flatMap {
            findings.parse(.domainPrefix, of: row, $0, with: DomainPrefix.parse)
        }
        let company = findings.required(.company, of: row).flatMap {
            findings.parse(.company, of: row, $0, with: CompanyName.parse)
        }
        let country = findings.required(.country, of: row).flatMap {
            findings.parse(.country, of: row, $0, with: CountryCode.parse)
        }
        let firstName = findings.required(.contactFirstName, of: row)
        let lastName = findings.required(.contactLastName, of: row)
        let email = findings.required(.contactEmail, of: row).flatMap {
            findings.parse(.contactEmail, of: row, $0, with: EmailAddress.parse)
        }
        findings.checkInvisibleCharacters([.company, .contactFirstName, .contactLastName], of: row)

        let languageText = row.text(.language)
        let language =
            languageText.isEmpty
            ? LanguageCode.english
            : findings.parse(.language, of: row, languageText, with: LanguageCode.parse)
        let cultureText = row.text(.culture)
        var culture: Culture?
        if !cultureText.isEmpty {
            culture = findings.parse(.culture, of: row, cultureText, with: Culture.parse)
        } else if let language, let country {
            // Defaulted here, not later, so the plan shows and compares the culture that will be used.
            culture = Culture(language: language, country: country)
        }

        var offers: [SubscriptionOffer] = []
        for name in row.text(.subscriptions).split(separator: ";").map({ String($0).trimmingWhitespace })
        where !name.isEmpty {
            if let offer = findings.parse(.subscriptions, of: row, name, with: SubscriptionOffer.parse),
                !offers.contains(offer)
            {
                offers.append(offer)
            }
        }
        let modeText = row.text(.drMode)
        let mode =
            modeText.isEmpty
            ? DisasterRecoveryMode.managed
            : findings.parse(.drMode, of: row, modeText, with: DisasterRecoveryMode.parse)
        var domains: [DomainName] = []
        for name in row.text(.domains).split(separator: ";").map({ String($0).trimmingWhitespace })
        where !name.isEmpty {
            if let domain = findings.parse(.domains, of: row, name, with: DomainName.parse),
                !domains.contains(domain)
            {
                domains.append(domain)
            }
        }

        guard !findings.hasErrors, let prefix, let company, let country, let firstName, let lastName,
            let email,
            let language, let mode
        else { return CheckedCustomer(draft: nil, findings: findings) }
        let draft = TenantDraft(
            prefix: prefix, company: company, country: country,
            address: PostalAddress(
                street: row.text(.address), city: row.text(.city), region: row.text(.region),
                postalCode: row.text(.postalCode)),
            contact: Contact(
                firstName: firstName, lastName: lastName, email: email, phone: row.text(.contactPhone)),
            language: language, culture: culture, offers: offers, disasterRecoveryMode: mode,
            extraDomains: domains)
        return CheckedCustomer(draft: draft, findings: findings)
    }
}
