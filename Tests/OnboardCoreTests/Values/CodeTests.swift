import OnboardCore
import Testing

struct CountryCodeTests {
    @Test func theFullOfficialListIsEmbedded() {
        #expect(CountryCode.knownCount == 249, "ISO 3166-1 has 249 assigned alpha-2 codes")
    }

    @Test(arguments: [
        ("DE", "DE"), ("de", "DE"), ("uS", "US"), (" fr ", "FR"), ("AX", "AX"), ("SS", "SS"), ("ZW", "ZW"),
    ])
    func knownCodesInAnyCase(raw: String, expected: String) throws {
        #expect(try CountryCode.parse(raw).rawValue == expected, "\(raw) is \(expected)")
    }

    @Test(arguments: ["UK", "XK", "EU", "D", "DEU", "", "Ö1", "1A", "ＤＥ"])
    func unknownCodes(raw: String) {
        #expect(
            rulesBroken { () throws(DomainViolations) in try CountryCode.parse(raw) } == [.countryUnknown],
            "\(raw)")
    }

    @Test func unitedKingdomGetsAHint() {
        #expect(
            messages { () throws(DomainViolations) in try CountryCode.parse("uk") }
                == [
                    "The country \"uk\" is not an ISO 3166-1 two-letter code (the United Kingdom is GB); use e.g. DE, US or FR."
                ],
            "UK hint")
    }
}

struct LanguageCodeTests {
    @Test func theFullListIsEmbedded() {
        #expect(LanguageCode.knownCount == 184, "ISO 639-1 has 184 codes")
    }

    @Test(arguments: [("en", "en"), ("DE", "de"), ("Zu", "zu"), ("aa", "aa")])
    func knownCodes(raw: String, expected: String) throws {
        #expect(try LanguageCode.parse(raw).rawValue == expected, "\(raw)")
    }

    @Test(arguments: ["eng", "xx", "", "e", "sh", "qq"])
    func unknownCodes(raw: String) {
        #expect(
            rulesBroken { () throws(DomainViolations) in try LanguageCode.parse(raw) } == [.languageUnknown],
            "\(raw)")
    }
}

struct CultureTests {
    @Test(arguments: [("de-DE", "de-DE"), ("DE-de", "de-DE"), ("en_us", "en-US"), (" fr-CA ", "fr-CA")])
    func culturesAreCaseNormalised(raw: String, expected: String) throws {
        #expect(try Culture.parse(raw).rawValue == expected, "\(raw) → \(expected)")
    }

    @Test(arguments: [
        ("de", [Rule.cultureFormat]), ("de-DE-x", [.cultureFormat]), ("deu-DE", [.cultureFormat]),
        ("", [.cultureFormat]),
        ("xx-DE", [.cultureLanguage]), ("de-XX", [.cultureCountry]),
        ("xx-YY", [.cultureLanguage, .cultureCountry]),
    ])
    func invalidCultures(raw: String, expected: [Rule]) {
        #expect(rulesBroken { () throws(DomainViolations) in try Culture.parse(raw) } == expected, "\(raw)")
    }

    @Test func madeFromLanguageAndCountry() throws {
        let culture = Culture(language: try LanguageCode.parse("de"), country: try CountryCode.parse("at"))
        #expect(culture.rawValue == "de-AT", "default culture is language-COUNTRY")
    }
}
