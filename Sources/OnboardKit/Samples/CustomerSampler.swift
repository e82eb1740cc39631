/// Makes the rows of a generated `customers.csv`: valid customers, customers with one known error, and
/// changed copies for conflicts.
struct CustomerSampler {
    static let header = [
        "domain_prefix", "company", "country", "address", "city", "region", "postal_code",
        "contact_first_name", "contact_last_name", "contact_email", "contact_phone", "language", "culture",
        "subscriptions", "dr_mode", "domains",
    ]

    /// The errors a broken customer row carries, one each.
    enum Flaw: CaseIterable {
        case badCountry, invalidPrefix, missingRequired, emailSyntax
    }

    /// Every prefix handed out, valid or not, so none repeats and an unknown tenant can be made up.
    private(set) var usedPrefixes: Set<String> = []
    private var nextSuffix: [String: Int] = [:]

    /// A new valid customer and its row.
    mutating func makeCustomer(using random: inout SampleRandom) -> (tenant: SampleTenant, row: [String]) {
        let profile = random.pick(CountryProfile.all)
        let stem = random.pick(profile.companyStems)
        let city = random.pick(profile.cities)
        let separator = profile.code == "JP" ? "" : " "
        var company = stem.display
        if profile.code != "JP", random.chance(0.3) { company += " " + city.name }
        company += separator + random.pick(profile.companySuffixes)
        let prefix = uniquePrefix(for: ASCIIFolding.slug(stem.ascii))
        let customDomain: String? = random.chance(0.15) ? "\(prefix).\(profile.topLevelDomain)" : nil
        var domains = customDomain ?? ""
        if customDomain != nil, profile.topLevelDomain != "com", random.chance(0.2) {
            domains += ";\(prefix).com"
        }
        let contactFirst = random.pick(profile.firstNames)
        let contactLast = random.pick(profile.lastNames)
        let mailDomain = customDomain ?? "\(prefix).\(profile.topLevelDomain)"
        let hasLocale = random.chance(0.9)
        let drDraw = random.unit()
        let drMode = drDraw < 0.6 ? "managed" : drDraw < 0.9 ? "self-service" : ""
        let row = [
            prefix, company, profile.code, address(in: profile, using: &random), city.name, city.region,
            fill(city.postalPattern, using: &random), contactFirst.display, contactLast.display,
            "\(contactFirst.ascii).\(contactLast.ascii)@\(mailDomain)", phone(profile, city, using: &random),
            hasLocale ? profile.language : "", hasLocale ? profile.culture : "",
            random.pick(Self.subscriptions), drMode, domains,
        ]
        let tenant = SampleTenant(
            prefix: prefix, profile: profile, isSelfService: drMode == "self-service",
            customDomain: customDomain,
            nameOffset: random.below(1 << 20))
        return (tenant, row)
    }

    /// A new customer with exactly one flaw.
    mutating func makeInvalidCustomer(using random: inout SampleRandom) -> [String] {
        var row = makeCustomer(using: &random).row
        switch random.pick(Flaw.allCases) {
        case .badCountry:
            row[2] = random.pick(["DEU", "Germany", "D", "U.S.", "Frankreich", "España"])
        case .invalidPrefix:
            let prefix = row[0]
            row[0] = random.pick([
                prefix + "-gmbh", prefix + "_eu", "\(row[1])",
                String(repeating: prefix, count: 28 / prefix.count + 1),
            ])
        case .missingRequired:
            row[random.pick([0, 1, 2, 7, 8, 9])] = ""
        case .emailSyntax:
            let email = row[9]
            row[9] = random.pick([
                email.replacingAt(with: "(at)"), email.replacingAt(with: "@@"), email.replacingAt(with: ""),
                email.replacingAt(with: " @ "),
            ])
        }
        return row
    }

    /// The same customer (same prefix) with a different phone number.
    func makeConflict(of row: [String], using random: inout SampleRandom) -> [String] {
        var changed = row
        while changed[10] == row[10] {
            changed[10] = String(row[10].dropLast(4)) + random.digits(4)
        }
        return changed
    }

    private mutating func uniquePrefix(for base: String) -> String {
        let base = String(base.prefix(20))
        var candidate = base
        while usedPrefixes.contains(candidate) {
            let suffix = nextSuffix[base, default: 2]
            nextSuffix[base] = suffix + 1
            candidate = base + String(suffix)
        }
        usedPrefixes.insert(candidate)
        return candidate
    }

    private func address(in profile: CountryProfile, using random: inout SampleRandom) -> String {
        let street = random.pick(profile.streets)
        let number = random.int(in: 1...240)
        var address =
            switch profile.addressStyle {
            case .numberAfter: "\(street) \(number)"
            case .numberFirstWithComma: "\(number), \(street)"
            case .numberAfterComma: "\(street), \(number)"
            case .numberFirst: "\(number) \(street)"
            case .blockNumbers:
                "\(street)\(random.int(in: 1...9))-\(random.int(in: 1...20))-\(random.int(in: 1...30))"
            }
        if random.chance(0.06) { address += "\n" + random.pick(profile.secondLines) }
        return address
    }

    private func phone(
        _ profile: CountryProfile, _ city: CountryProfile.City, using random: inout SampleRandom
    )
        -> String
    {
        "\(profile.phonePrefix) \(city.areaCode) \(random.digits(7))"
    }

    private func fill(_ pattern: String, using random: inout SampleRandom) -> String {
        String(pattern.map { $0 == "#" ? Character(String(random.below(10))) : $0 })
    }

    private static let subscriptions = [
        "Azure", "Azure", "", "Azure;Microsoft 365 Business Premium", "Azure;Dynamics 365 Business Central",
        "Microsoft 365 E3",
    ]
}

extension String {
    /// The address with its `@` replaced: the ways people mistype mail addresses.
    fileprivate func replacingAt(with replacement: String) -> String {
        guard let at = firstIndex(of: "@") else { return self }
        return String(self[..<at]) + replacement + String(self[index(after: at)...])
    }
}
