import Testing

@testable import OnboardKit

struct HeaderMappingTests {
    static let portalHeader = [
        "Name [displayName] Required", "User name [userPrincipalName] Required",
        "Initial password [passwordProfile] Required", "Block sign in (Yes/No) [accountEnabled] Required",
        "First name [givenName]", "Last name [surname]", "Job title [jobTitle]", "Department [department]",
        "Usage location [usageLocation]", "Street address [streetAddress]", "State or province [state]",
        "Country or region [country]", "Office [physicalDeliveryOfficeName]", "City [city]",
        "ZIP or postal code [postalCode]", "Office phone [telephoneNumber]", "Mobile phone [mobile]",
    ]
    static let adminHeader = [
        "User Name", "First Name", "Last Name", "Display Name", "Job Title", "Department", "Office Number",
        "Office Phone", "Mobile Phone", "Fax", "Alternate email address", "Address", "City",
        "State or Province",
        "ZIP or Postal Code", "Country or Region",
    ]

    @Test func recognisesOnboardsCustomersFile() throws {
        let mapping = try HeaderMapping.detect(header: IntakeFixtures.customersHeader)
        #expect(mapping.format == .customers, "format")
        #expect(mapping.column(of: .domainPrefix) == 0, "domain_prefix is the first column")
        #expect(mapping.unknownColumns.isEmpty, "every column is known")
    }

    @Test func recognisesOnboardsUsersFileWithDecoratedHeaders() throws {
        let mapping = try HeaderMapping.detect(header: [
            "TENANT", "User Principal Name", "display-name", " Role ",
        ])
        #expect(mapping.format == .users, "format")
        #expect(mapping.column(of: .userPrincipalName) == 1, "UPN column despite case and spaces")
        #expect(mapping.column(of: .displayName) == 2, "display-name with a hyphen")
        #expect(mapping.column(of: .role) == 3, "role with spaces around")
    }

    @Test func recognisesThePortalTemplateByItsVersionLineAndAttributes() throws {
        let mapping = try HeaderMapping.detect(header: Self.portalHeader, preamble: ["version:v1.0"])
        #expect(mapping.format == .portalBulkCreate, "format")
        #expect(mapping.preamble == ["version:v1.0"], "the version line is kept for the rejects file")
        #expect(mapping.column(of: .displayName) == 0, "Name [displayName]")
        #expect(mapping.column(of: .password) == 2, "Initial password [passwordProfile]")
        #expect(mapping.column(of: .blockSignIn) == 3, "Block sign in (Yes/No) [accountEnabled]")
        #expect(mapping.unknownColumns.isEmpty, "every template column is known: \(mapping.unknownColumns)")
    }

    @Test func matchesPortalColumnsOnTheAttributeAlone() throws {
        let mapping = try HeaderMapping.detect(header: [
            "userPrincipalName", "displayName", "GIVENNAME", "surname",
        ])
        #expect(mapping.column(of: .userPrincipalName) == 0, "userPrincipalName")
        #expect(mapping.column(of: .firstName) == 2, "givenName in capitals")
        #expect(mapping.column(of: .lastName) == 3, "surname")
    }

    @Test func recognisesTheAdminCenterTemplate() throws {
        let mapping = try HeaderMapping.detect(header: Self.adminHeader)
        #expect(mapping.format == .adminCenter, "format")
        #expect(mapping.column(of: .userPrincipalName) == 0, "User Name is the UPN")
        #expect(mapping.column(of: .usageLocation) == 15, "Country or Region is the usage location")
        #expect(mapping.unknownColumns.isEmpty, "every template column is known: \(mapping.unknownColumns)")
    }

    @Test func listsUnknownColumnsOnceAndIgnoresRejectsColumns() throws {
        let mapping = try HeaderMapping.detect(
            header: ["user_principal_name", "Shoe size", "role", "Role", "line", "reason", " "])
        #expect(
            mapping.unknownColumns == ["Shoe size", "Role", "(unnamed column 7)"],
            "unknown, duplicate and unnamed columns, not line/reason")
    }

    @Test func aMissingRequiredColumnNamesWhatIsMissingWhatWasFoundAndTheFormat() {
        #expect(throws: HeaderError.self, "no user principal name") {
            try HeaderMapping.detect(header: ["tenant", "display_name", "role"])
        }
        do {
            _ = try HeaderMapping.detect(header: ["tenant", "display_name", "role"])
        } catch {
            #expect(
                error.message
                    == "the header lacks the required column \"user_principal_name\"; it looks like onboard's "
                    + "users.csv; found: \"tenant\", \"display_name\", \"role\"",
                "exact message")
        }
    }

    @Test func missingCustomerColumnsAreListedTogether() {
        do {
            _ = try HeaderMapping.detect(header: ["domain_prefix", "company", "country"])
            Issue.record("a customers header without contact columns was accepted")
        } catch {
            #expect(
                error.message
                    == "the header lacks the required columns \"contact_first_name\", \"contact_last_name\", "
                    + "\"contact_email\"; it looks like onboard's customers.csv; found: \"domain_prefix\", "
                    + "\"company\", \"country\"",
                "exact message")
        }
    }

    @Test func aHeaderOfNoKnownFormatSaysSo() {
        do {
            _ = try HeaderMapping.detect(header: ["foo", "bar"])
            Issue.record("an unknown header was accepted")
        } catch {
            #expect(
                error.message
                    == "the header matches none of the known formats (customers.csv, users.csv, the portal's "
                    + "bulk-create template, the admin center's template); found: \"foo\", \"bar\"",
                "exact message")
        }
    }

    @Test func aUsersFileGivenAsCustomersIsRefused() {
        do {
            _ = try HeaderMapping.detect(header: IntakeFixtures.usersHeader, expecting: [.customers])
            Issue.record("a users file was accepted as customers")
        } catch {
            #expect(error.kind == .unexpectedFormat(.users, expected: [.customers]), "kind")
            #expect(
                error.message.hasSuffix("pass it with --users"), "says which option to use: \(error.message)")
        }
    }

    @Test(arguments: [["version:v1.0"], ["Version:v1.0", ""], [" version: v2 "]])
    func theVersionLineIsAPreamble(fields: [String]) {
        #expect(HeaderMapping.isPreamble(fields), "\(fields)")
    }

    @Test(arguments: [["user_principal_name"], ["version:v1.0", "x"]])
    func otherRecordsAreNotAPreamble(fields: [String]) {
        #expect(!HeaderMapping.isPreamble(fields), "\(fields)")
    }
}

extension HeaderMappingTests {
    @Test func aShortAdminCenterHeaderIsNotTakenForThePortalTemplate() throws {
        let mapping = try HeaderMapping.detect(header: [
            "User Name", "First Name", "Display Name", "Country or Region",
        ])
        #expect(mapping.format == .adminCenter, "plain names, no version line, no attributes")
    }
}
