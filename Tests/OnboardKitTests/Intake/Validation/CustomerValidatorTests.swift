import OnboardCore
import Testing

@testable import OnboardKit

struct CustomerValidatorTests {
    @Test func aGoodRowBecomesADraftWithDefaults() throws {
        let checked = CustomerValidator.check(try IntakeFixtures.customer(["language": "", "dr_mode": ""]))
        let draft = try #require(checked.draft, "no draft: \(checked.findings.items)")
        #expect(draft.prefix.rawValue == "contoso", "prefix")
        #expect(draft.language?.rawValue == "en", "language defaults to en")
        #expect(draft.culture?.rawValue == "en-DE", "culture from language and country")
        #expect(draft.disasterRecoveryMode == .managed, "dr_mode defaults to managed")
        #expect(draft.extraDomains.map(\.rawValue) == ["contoso.de"], "domains")
        #expect(checked.findings.items.isEmpty, "no findings")
    }

    @Test func cultureIsDefaultedFromLanguageAndCountry() throws {
        let checked = CustomerValidator.check(
            try IntakeFixtures.customer(["language": "de", "country": "AT"]))
        #expect(checked.draft?.culture?.rawValue == "de-AT", "de + AT")
    }

    @Test func aCountryNameIsNotACodeInCustomersCSV() throws {
        let checked = CustomerValidator.check(try IntakeFixtures.customer(["country": "Germany"]))
        #expect(
            IntakeFixtures.codes(checked.findings) == ["country.unknown"],
            "customers.csv takes ISO codes only")
    }

    @Test(
        arguments: [
            ("domain_prefix", "", "required.missing"), ("domain_prefix", "con toso", "prefix.characters"),
            ("company", "", "required.missing"), ("country", "XX", "country.unknown"),
            ("contact_first_name", " ", "required.missing"),
            ("contact_email", "anna.contoso.de", "email.syntax"),
            ("language", "zz", "language.unknown"), ("culture", "german", "culture.format"),
            ("dr_mode", "sometimes", "dr-mode.unknown"), ("domains", "contoso..de", "domain.syntax"),
        ])
    func eachRuleRejectsItsBadValue(column: String, value: String, code: String) throws {
        let checked = CustomerValidator.check(try IntakeFixtures.customer([column: value]))
        #expect(checked.draft == nil, "\(column)=\(value) is rejected")
        #expect(IntakeFixtures.codes(checked.findings) == [code], "\(column)=\(value)")
        #expect(checked.findings.items.first?.field == column, "the finding names the column")
    }

    @Test func aRowWithSeveralProblemsListsThemAll() throws {
        let checked = CustomerValidator.check(
            try IntakeFixtures.customer([
                "domain_prefix": "a b", "country": "XX", "contact_email": "", "language": "zz",
            ]))
        #expect(
            IntakeFixtures.codes(checked.findings)
                == ["prefix.characters", "country.unknown", "required.missing", "language.unknown"],
            "every finding, in column order")
        #expect(
            checked.findings.items.allSatisfy { $0.file == "in.csv" && $0.line == 2 }, "file and line on each"
        )
    }

    @Test func invisibleCharactersInANameAreAWarning() throws {
        let checked = CustomerValidator.check(try IntakeFixtures.customer(["company": "Con\u{202E}toso"]))
        #expect(checked.draft != nil, "a warning does not reject")
        #expect(checked.findings.warnings.map(\.code) == ["text.invisible-characters"], "warning")
        #expect(checked.findings.warnings.first?.message.contains("U+202E") == true, "names the character")
    }

    @Test func aRowWithTheWrongFieldCountSaysBothCounts() throws {
        let row = try IntakeFixtures.row(
            IntakeFixtures.customersHeader, ["contoso", "Contoso", "DE", "Anna", "Schmidt", "a@b.de"])
        let checked = CustomerValidator.check(row)
        let finding = try #require(checked.findings.items.first { $0.code == "row.field-count" }, "finding")
        #expect(finding.message.hasPrefix("The row has 6 fields but the header has 10"), "\(finding.message)")
    }
}
