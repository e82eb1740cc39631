import OnboardCore
import Testing

struct DomainPrefixTests {
    @Test(arguments: [
        ("contoso", "contoso"), ("Contoso", "contoso"), ("  fabrikam42 ", "fabrikam42"), ("a", "a"),
        ("123", "123"), (String(repeating: "x", count: 27), String(repeating: "x", count: 27)),
    ])
    func validPrefixesAreStoredLowerCased(raw: String, expected: String) throws {
        let prefix = try DomainPrefix.parse(raw)
        #expect(prefix.rawValue == expected, "\(raw) must be stored as \(expected)")
        #expect(prefix.initialDomain.rawValue == expected + ".onmicrosoft.com", "initial domain of \(raw)")
    }

    @Test(arguments: [
        ("", [Rule.prefixLength]),
        (String(repeating: "x", count: 28), [.prefixLength]),
        ("con toso", [.prefixCharacters]),
        ("contoso.com", [.prefixCharacters]),
        ("con-toso", [.prefixCharacters]),
        ("müller", [.prefixCharacters]),
        (String(repeating: "x", count: 27) + "-", [.prefixLength, .prefixCharacters]),
    ])
    func invalidPrefixesReportEveryRule(raw: String, expected: [Rule]) {
        #expect(
            rulesBroken { () throws(DomainViolations) in try DomainPrefix.parse(raw) } == expected, "\(raw)")
    }

    @Test func messageNamesTheValueAndTheFix() {
        let text = messages { () throws(DomainViolations) in try DomainPrefix.parse("con toso.") }
        #expect(
            text == [
                "The domain prefix \"con toso.\" contains space, \".\"; use only letters A–Z and digits."
            ], "message text")
    }
}
