import OnboardCore
import Testing

@testable import OnboardKit

struct DeduplicatorTests {
    /// Runs user rows through validation and dedup, returning each row's sighting and findings.
    func users(_ rows: [[String: String]]) throws -> [(KeyLedger.Sighting?, RowFindings)] {
        var dedup = Deduplicator()
        let file = dedup.addFile("users.csv")
        let validator = UserValidator()
        return try rows.enumerated().map { index, values in
            let row = try IntakeFixtures.user(values, line: index + 2)
            var checked = try validator.check(row, tenants: IntakeFixtures.tenants)
            guard let draft = checked.draft else { return (nil, checked.findings) }
            let sighting = dedup.record(
                draft, at: RowLocation(file: file, line: row.line), findings: &checked.findings)
            return (sighting, checked.findings)
        }
    }

    @Test func anIdenticalRowIsADuplicateOfTheFirst() throws {
        let results = try users([[:], [:]])
        #expect(results[0].0 == .first, "first")
        #expect(results[1].0 == .duplicate(of: RowLocation(file: 0, line: 2)), "points at line 2")
    }

    @Test(
        arguments: [
            "ALICE@CONTOSO.DE", " alice@contoso.de ", "ａｌｉｃｅ@contoso.de", "Alice@Contoso.De",
        ])
    func upnVariantsAreTheSameKey(variant: String) throws {
        let results = try users([[:], ["user_principal_name": variant]])
        #expect(
            results[1].0 == .duplicate(of: RowLocation(file: 0, line: 2)), "\(variant) is alice@contoso.de")
    }

    @Test func spellingsOfTheSameValuesAreStillADuplicate() throws {
        let results = try users([
            [:], ["role": "CONTRIBUTOR", "block_sign_in": "N", "display_name": " Alice Meyer "],
        ])
        #expect(results[1].0 == .duplicate(of: RowLocation(file: 0, line: 2)), "normalised values are equal")
    }

    @Test func sameKeyDifferentDataIsAConflictNamingBothRows() throws {
        let results = try users([[:], ["display_name": "Alice M."]])
        #expect(results[1].0 == .conflict(with: RowLocation(file: 0, line: 2)), "conflict")
        let finding = try #require(results[1].1.errors.first, "an error finding")
        #expect(finding.code == "dedup.conflict", "code")
        #expect(finding.line == 3 && finding.message.contains("users.csv:2"), "both positions: \(finding)")
    }

    @Test func sameDisplayNameInOneTenantWithAnotherUPNIsAWarning() throws {
        let results = try users([[:], ["user_principal_name": "alice.meyer@contoso.de"]])
        #expect(results[1].0 == .first, "a different user")
        #expect(results[1].1.warnings.map(\.code) == ["dedup.similar-user"], "near-duplicate warning")
    }

    @Test func sameDisplayNameInAnotherTenantIsFine() throws {
        let results = try users([
            [:], ["tenant": "fabrikam", "user_principal_name": "alice@fabrikam.onmicrosoft.com"],
        ])
        #expect(results[1].1.items.isEmpty, "no warning across tenants")
    }

    @Test func customersAreKeyedByPrefixAndSimilarCompaniesWarn() throws {
        var dedup = Deduplicator()
        let file = dedup.addFile("customers.csv")
        func record(_ values: [String: String], line: Int) throws -> (KeyLedger.Sighting, RowFindings) {
            var checked = CustomerValidator.check(try IntakeFixtures.customer(values, line: line))
            let draft = try #require(checked.draft, "valid: \(checked.findings.items)")
            return (
                dedup.record(draft, at: RowLocation(file: file, line: line), findings: &checked.findings),
                checked.findings
            )
        }
        #expect(try record([:], line: 2).0 == .first, "first")
        #expect(
            try record(["domain_prefix": "CONTOSO", "country": "de"], line: 3).0
                == .duplicate(of: RowLocation(file: 0, line: 2)),
            "same prefix in capitals, same data")
        #expect(
            try record(["company": "Contoso GmbH"], line: 4).0
                == .conflict(with: RowLocation(file: 0, line: 2)),
            "same prefix, other company")
        let similar = try record(["domain_prefix": "contosode", "company": "CONTOSO Limited"], line: 5)
        #expect(similar.1.warnings.map(\.code) == ["dedup.similar-company"], "near-duplicate company")
    }
}
