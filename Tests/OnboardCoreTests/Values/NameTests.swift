import OnboardCore
import Testing

struct DisplayNameTests {
    @Test(arguments: [
        ("Alice Smith", "Alice Smith"), ("  Bob ", "Bob"),
        (String(repeating: "n", count: 256), String(repeating: "n", count: 256)),
    ])
    func validNames(raw: String, expected: String) throws {
        #expect(try DisplayName.parse(raw).rawValue == expected, "\(raw)")
    }

    @Test(arguments: [
        ("", Rule.displayNameMissing), ("   ", .displayNameMissing),
        (String(repeating: "n", count: 257), .displayNameLength),
    ])
    func invalidNames(raw: String, rule: Rule) {
        #expect(
            rulesBroken { () throws(DomainViolations) in try DisplayName.parse(raw) } == [rule],
            "\(raw.prefix(10))")
    }

    @Test(
        arguments: [
            ("Alice", "Smith", "Alice Smith"), ("Alice", nil, "Alice"), (nil, "Smith", "Smith"),
            (" ", "Smith", "Smith"),
        ] as [(String?, String?, String)])
    func madeFromFirstAndLastName(first: String?, last: String?, expected: String) throws {
        #expect(try DisplayName.make(firstName: first, lastName: last).rawValue == expected, "\(expected)")
    }

    @Test func noNamesAtAllIsMissing() {
        #expect(
            rulesBroken { () throws(DomainViolations) in try DisplayName.make(firstName: nil, lastName: " ") }
                == [.displayNameMissing], "nothing to make a name from")
    }
}

struct CompanyNameTests {
    @Test func companyNamesAreTrimmedAndRequired() throws {
        #expect(try CompanyName.parse(" Contoso Ltd ").rawValue == "Contoso Ltd", "trimmed")
        #expect(
            rulesBroken { () throws(DomainViolations) in try CompanyName.parse("") } == [.companyMissing],
            "empty")
        #expect(
            rulesBroken { () throws(DomainViolations) in
                try CompanyName.parse(String(repeating: "c", count: 257))
            }
                == [.companyLength], "too long")
    }
}

struct SubscriptionOfferTests {
    @Test(arguments: ["Azure", "azure", " AZURE "])
    func azureInAnySpellingIsTheCloudSubscription(raw: String) throws {
        let offer = try SubscriptionOffer.parse(raw)
        #expect(offer == .azure && offer.rawValue == "Azure", "\(raw) is the Azure offer, spelled Azure")
    }

    @Test func invalidOffers() {
        #expect(
            rulesBroken { () throws(DomainViolations) in try SubscriptionOffer.parse(" ") } == [
                .offerMissing
            ], "empty")
        #expect(
            rulesBroken { () throws(DomainViolations) in
                try SubscriptionOffer.parse(String(repeating: "o", count: 65))
            }
                == [.offerLength], "too long")
    }
}
