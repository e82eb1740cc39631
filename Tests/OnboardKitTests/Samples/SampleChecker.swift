/// Counts valid, invalid, duplicate and conflicting rows of generated samples by onboard's documented
/// input rules (README "Inputs"), written independently of the generator so the two can disagree.
struct SampleChecker {
    struct Tenant: Equatable {
        var domains: Set<String>
        var isSelfService: Bool
    }

    struct Counts: Equatable {
        var rows = 0
        var invalid = 0
        var duplicate = 0
        var conflict = 0
        var validTenants: [String: Tenant] = [:]
        var upnsOnForeignDomains = 0

        static func == (counts: Counts, expected: ExpectedFile.Counts) -> Bool {
            counts.rows == expected.rows && counts.invalid == expected.invalid
                && counts.duplicate == expected.duplicate && counts.conflict == expected.conflict
        }
    }

    static let roles: Set = [
        "", "Owner", "Contributor", "Reader", "Site Recovery Contributor", "Site Recovery Operator",
        "Site Recovery Reader",
    ]

    func customers(_ records: [[String]]) -> Counts {
        var counts = Counts()
        var seen: [String: [String]] = [:]
        for row in records.dropFirst() {
            counts.rows += 1
            let isValid =
                isPrefix(row[0]) && !row[1].isEmpty && isCountry(row[2]) && !row[7].isEmpty && !row[8].isEmpty
                && isMail(row[9]) && ["", "managed", "self-service"].contains(row[14])
            guard isValid else {
                counts.invalid += 1
                continue
            }
            if let first = seen[row[0]] {
                if first == row { counts.duplicate += 1 } else { counts.conflict += 1 }
                continue
            }
            seen[row[0]] = row
            let domains = row[15].split(separator: ";").map(String.init) + ["\(row[0]).onmicrosoft.com"]
            counts.validTenants[row[0]] = Tenant(
                domains: Set(domains), isSelfService: row[14] == "self-service")
        }
        return counts
    }

    func users(_ records: [[String]], tenants: [String: Tenant]) -> Counts {
        var counts = Counts()
        var seen: [String: [String]] = [:]
        var tenantOfDomain: [String: String] = [:]
        for (prefix, tenant) in tenants {
            for domain in tenant.domains { tenantOfDomain[domain] = prefix }
        }
        for row in records.dropFirst() {
            counts.rows += 1
            let parts = row[1].split(separator: "@", omittingEmptySubsequences: false).map(String.init)
            let domain = parts.count == 2 ? parts[1] : ""
            let prefix = row[0].isEmpty ? tenantOfDomain[domain] : row[0]
            let tenant = prefix.flatMap { tenants[$0] }
            var isValid =
                parts.count == 2 && isMailLocalPart(parts[0]) && tenant != nil
                && (row[7].isEmpty || isCountry(row[7])) && Self.roles.contains(row[8])
                && ["", "yes", "no"].contains(row[9]) && (row[10].isEmpty || isStrongPassword(row[10]))
                && (row[8] != "Owner" || tenant?.isSelfService == true)
            if isValid, let tenant, !tenant.domains.contains(domain) {
                counts.upnsOnForeignDomains += 1
                isValid = false
            }
            guard isValid else {
                counts.invalid += 1
                continue
            }
            let key = row[1].lowercased()
            if let first = seen[key] {
                if first == row { counts.duplicate += 1 } else { counts.conflict += 1 }
                continue
            }
            seen[key] = row
        }
        return counts
    }

    private func isPrefix(_ text: String) -> Bool {
        (1...27).contains(text.utf8.count) && text.utf8.allSatisfy { isLowerOrDigit($0) }
    }

    private func isCountry(_ text: String) -> Bool {
        text.utf8.count == 2 && text.utf8.allSatisfy { (65...90).contains($0) }
    }

    private func isMail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && isMailLocalPart(String(parts[0])) && parts[1].contains(".")
            && parts[1].utf8.allSatisfy {
                isLowerOrDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
            }
    }

    private func isMailLocalPart(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count) && !text.contains("..") && !text.hasPrefix(".")
            && !text.hasSuffix(".")
            && text.utf8.allSatisfy {
                isLowerOrDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
            }
    }

    private func isStrongPassword(_ text: String) -> Bool {
        text.count >= 12 && text.contains(where: \.isUppercase) && text.contains(where: \.isLowercase)
            && text.contains(where: \.isNumber) && text.contains(where: { !$0.isLetter && !$0.isNumber })
    }

    private func isLowerOrDigit(_ byte: UInt8) -> Bool {
        (97...122).contains(byte) || (48...57).contains(byte)
    }
}
