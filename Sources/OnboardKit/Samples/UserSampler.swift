/// Makes the rows of a generated `users.csv`: valid users of the valid tenants, users with one known
/// error, and changed copies for conflicts.
///
/// UPNs are unique by construction, not by remembering them: a tenant's k-th user gets the k-th name
/// pair of a walk through all first × last name pairs of its country that visits each pair once (a
/// step coprime to their number); after a full walk a number is appended (`anna.mueller2`).
struct UserSampler {
    static let header = [
        "tenant", "user_principal_name", "display_name", "first_name", "last_name", "job_title", "department",
        "usage_location", "role", "block_sign_in", "password",
    ]

    /// The errors a broken user row carries, one each.
    enum Flaw: CaseIterable {
        case badUsageLocation, upnDoubleDot, upnMissingAt, upnLocalPartTooLong, upnSyntax, unknownRole
        case badBlockSignIn, missingUserPrincipalName, unknownTenant, invalidTenantPrefix, weakPassword
    }

    /// The access levels with how often partners hand them out; `Owner` only in self-service tenants,
    /// where the customer runs disaster recovery itself.
    private static let roles: [(role: String, weight: Double)] = [
        ("Reader", 0.42), ("Contributor", 0.30), ("Site Recovery Reader", 0.09),
        ("Site Recovery Operator", 0.07),
        ("Site Recovery Contributor", 0.06), ("", 0.06),
    ]

    /// Tenant prefixes that exist, to make up one that does not.
    let knownPrefixes: Set<String>

    /// A valid user: the `ordinal`-th user of `tenant`.
    func makeUser(of tenant: SampleTenant, ordinal: Int, using random: inout SampleRandom) -> [String] {
        let profile = tenant.profile
        let firstCount = profile.firstNames.count
        let pairCount = firstCount * profile.lastNames.count
        let pair = (ordinal &* Self.step(coprimeTo: pairCount) &+ tenant.nameOffset) % pairCount
        let first = profile.firstNames[pair % firstCount]
        let last = profile.lastNames[pair / firstCount]
        let round = ordinal / pairCount
        let local = "\(first.ascii).\(last.ascii)\(round > 0 ? String(round + 1) : "")"
        let domain: String
        if let custom = tenant.customDomain, random.chance(0.5) {
            domain = custom
        } else {
            domain = "\(tenant.prefix).onmicrosoft.com"
        }
        let display =
            random.chance(0.05)
            ? ""
            : profile.familyNameFirst
                ? "\(last.display) \(first.display)" : "\(first.display) \(last.display)"
        let usesLocalTerms = random.chance(0.3)
        let jobTitle =
            random.chance(0.1)
            ? "" : random.pick(usesLocalTerms ? profile.jobTitles : CountryProfile.englishJobTitles)
        let department =
            random.chance(0.1)
            ? "" : random.pick(usesLocalTerms ? profile.departments : CountryProfile.englishDepartments)
        let usageLocation = random.chance(0.9) ? profile.code : random.pick(CountryProfile.all).code
        let blockDraw = random.unit()
        return [
            random.chance(0.85) ? tenant.prefix : "", "\(local)@\(domain)", display, first.display,
            last.display,
            jobTitle, department, usageLocation, role(in: tenant, using: &random),
            blockDraw < 0.8 ? "no" : blockDraw < 0.85 ? "yes" : "",
            random.chance(0.03) ? Self.strongPassword(using: &random) : "",
        ]
    }

    /// A new user of `tenant` with exactly one flaw.
    func makeInvalidUser(of tenant: SampleTenant, ordinal: Int, using random: inout SampleRandom) -> [String]
    {
        var row = makeUser(of: tenant, ordinal: ordinal, using: &random)
        let upn = row[1]
        let at = upn.firstIndex(of: "@")!
        let local = String(upn[..<at])
        let domain = String(upn[upn.index(after: at)...])
        switch random.pick(Flaw.allCases) {
        case .badUsageLocation:
            row[7] = random.pick(["GER", "Deutschland", "U.S.", "12", "Europe"])
        case .upnDoubleDot:
            row[1] = local.replacingFirst(".", with: "..") + "@" + domain
        case .upnMissingAt:
            row[1] = random.chance(0.5) ? local : local + "." + domain
        case .upnLocalPartTooLong:
            var long = local + ".external.contractor.disaster-recovery.project"
            while long.utf8.count <= 64 { long += ".team" }
            row[1] = long + "@" + domain
        case .upnSyntax:
            row[1] = random.pick([
                local.replacingFirst(".", with: " ") + "@" + domain, local + "@@" + domain,
                local.replacingFirst(".", with: ",") + "@" + domain,
            ])
        case .unknownRole:
            row[8] = random.pick([
                "Admin", "Global Administrator", "Editor", "Superuser", "Site Recovery Admin",
            ])
        case .badBlockSignIn:
            row[9] = random.pick(["maybe", "2", "n/a", "blocked?"])
        case .missingUserPrincipalName:
            row[1] = ""
        case .unknownTenant:
            var ghost = String(tenant.prefix.prefix(20)) + "old"
            while knownPrefixes.contains(ghost) { ghost += String(random.below(10)) }
            row[0] = ghost
            row[1] = "\(local)@\(ghost).onmicrosoft.com"
        case .invalidTenantPrefix:
            row[0] = random.pick([tenant.prefix + "-gmbh", tenant.prefix + " eu", tenant.prefix + "_old"])
        case .weakPassword:
            row[10] = random.pick(["password", "123456", "qwerty", "letmein", "Summer1", "abc"])
        }
        return row
    }

    /// The same user (same UPN) with another job title, department or role.
    ///
    /// The change is compared as intake compares rows, so the copy really conflicts: an empty role
    /// is the default `Reader`, and a job title or department is only ever replaced by a non-empty
    /// other one.
    func makeConflict(of row: [String], using random: inout SampleRandom) -> [String] {
        var changed = row
        while Self.effective(changed) == Self.effective(row) {
            switch random.below(3) {
            case 0: changed[5] = random.pick(CountryProfile.englishJobTitles)
            case 1: changed[6] = random.pick(CountryProfile.englishDepartments)
            default:
                let current = Self.effectiveRole(row[8])
                changed[8] = random.pick(
                    ["Reader", "Contributor", "Site Recovery Reader"].filter { $0 != current })
            }
        }
        return changed
    }

    /// The role a row gives: an empty one is the default, `Reader`.
    static func effectiveRole(_ role: String) -> String { role.isEmpty ? "Reader" : role }

    /// The fields a conflict may change, as intake sees them (defaults filled in).
    private static func effective(_ row: [String]) -> [String] {
        [row[5], row[6], effectiveRole(row[8])]
    }

    private func role(in tenant: SampleTenant, using random: inout SampleRandom) -> String {
        if tenant.isSelfService, random.chance(0.04) { return "Owner" }
        var draw = random.unit()
        for (role, weight) in Self.roles {
            draw -= weight
            if draw < 0 { return role }
        }
        return "Reader"
    }

    /// 16 characters with upper- and lower-case letters, digits and symbols, starting with a letter.
    static func strongPassword(using random: inout SampleRandom) -> String {
        let upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        let lower = Array("abcdefghijkmnopqrstuvwxyz")
        let digits = Array("23456789")
        let symbols = Array("!#$%&*+-.:=?@_~")
        var characters = [random.pick(upper), random.pick(lower), random.pick(digits), random.pick(symbols)]
        let all = upper + lower + digits + symbols
        while characters.count < 16 { characters.append(random.pick(all)) }
        // Shuffle all but the first (a letter), so the classes are not always in the same places.
        for index in stride(from: characters.count - 1, to: 1, by: -1) {
            characters.swapAt(index, 1 + random.below(index))
        }
        return String(characters)
    }

    /// A step that visits every pair once and mixes first and last names: near `count` × 0.618 (the golden
    /// ratio, so neighbours differ in both names) and coprime to `count`.
    private static func step(coprimeTo count: Int) -> Int {
        var step = max(1, count * 618 / 1000)
        while greatestCommonDivisor(step, count) != 1 { step += 1 }
        return step
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        b == 0 ? a : greatestCommonDivisor(b, a % b)
    }
}

extension String {
    fileprivate func replacingFirst(_ target: Character, with replacement: String) -> String {
        guard let index = firstIndex(of: target) else { return self + replacement }
        return String(self[..<index]) + replacement + String(self[self.index(after: index)...])
    }
}
