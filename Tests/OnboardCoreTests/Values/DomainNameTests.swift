import OnboardCore
import Testing

struct DomainNameTests {
    @Test(arguments: ["contoso.com", "Contoso.COM", "a-b.example.co.uk", "xn--mller-kva.de", "x1.io"])
    func validDomains(raw: String) throws {
        let domain = try DomainName.parse(raw)
        #expect(domain.rawValue == raw.lowercased(), "\(raw) is stored lower-cased")
    }

    @Test(arguments: [
        ("contoso", [Rule.domainSyntax]),
        ("", [.domainSyntax]),
        (".contoso.com", [.domainSyntax]),
        ("contoso..com", [.domainSyntax]),
        ("contoso.com.", [.domainSyntax]),
        ("-contoso.com", [.domainSyntax]),
        ("con_toso.com", [.domainSyntax]),
        (String(repeating: "a", count: 64) + ".com", [.domainLength]),
        (String(repeating: "abcdefghi.", count: 26) + "com", [.domainLength]),
    ])
    func invalidDomains(raw: String, expected: [Rule]) {
        #expect(
            rulesBroken { () throws(DomainViolations) in try DomainName.parse(raw) } == expected, "\(raw)")
    }
}
