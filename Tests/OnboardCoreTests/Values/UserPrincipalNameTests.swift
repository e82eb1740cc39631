import OnboardCore
import Testing

struct UserPrincipalNameTests {
    static let local64 = String(repeating: "a", count: 64)
    /// A domain of `count` characters ending in `.com`.
    static func domain(_ count: Int) -> String { String(repeating: "d", count: count - 4) + ".com" }

    @Test(arguments: [
        "alice@contoso.onmicrosoft.com", "Alice.Smith@Contoso.com", "o'brien@x.io", "a-b_c!d#e^f~g@x.io",
        local64 + "@x.io", local64 + "@" + domain(48),
    ])
    func validNames(raw: String) throws {
        let upn = try UserPrincipalName.parse(raw)
        #expect(upn.rawValue == raw, "the original spelling is kept")
        #expect(upn.key.rawValue == raw.lowercased(), "the key is case-folded")
    }

    @Test(arguments: [
        ("alice", [Rule.upnAtSign]),
        ("a@b@contoso.com", [.upnAtSign]),
        ("@contoso.com", [.upnLocalPartLength]),
        (local64 + "a@x.io", [.upnLocalPartLength]),
        (local64 + "@" + domain(49), [.upnLength]),
        ("al..ice@contoso.com", [.upnDots]),
        (".alice@contoso.com", [.upnDots]),
        ("alice.@contoso.com", [.upnDots]),
        ("al ice@contoso.com", [.upnLocalPartCharacters]),
        ("alice+tag@contoso.com", [.upnLocalPartCharacters]),
        ("jürgen@contoso.com", [.upnLocalPartCharacters]),
        ("alice@contoso", [.upnDomainSyntax]),
        ("alice@con..toso.com", [.upnDomainSyntax]),
        (local64 + "..b@" + domain(48), [.upnLocalPartLength, .upnDots, .upnLength]),
    ])
    func invalidNamesReportEveryRule(raw: String, expected: [Rule]) {
        #expect(
            rulesBroken { () throws(DomainViolations) in try UserPrincipalName.parse(raw) } == expected,
            "\(raw)")
    }

    @Test(arguments: [
        ("ａlice@contoso.com", "alice@contoso.com"),
        ("ＡＬＩＣＥ＠ＣＯＮＴＯＳＯ．ＣＯＭ", "alice@contoso.com"),
        ("  Alice@CONTOSO.com\t", "alice@contoso.com"),
        ("ﬁona@contoso.com", "fiona@contoso.com"),
    ])
    func keysAreTrimmedNFKCCaseFolded(raw: String, plain: String) throws {
        let odd = try UserPrincipalName.parse(raw)
        let simple = try UserPrincipalName.parse(plain)
        #expect(odd.key == simple.key, "\(raw) must be the same user as \(plain)")
        #expect(odd.domain == simple.domain, "the domain accessor is normalised")
        #expect(odd.rawValue == raw.trimmingSpaces.filter { $0 != "\t" }, "the spelling is kept")
    }

    @Test func userNameIsTheNormalisedLocalPart() throws {
        #expect(try UserPrincipalName.parse("Alice.Smith@contoso.com").userName == "alice.smith", "user name")
        #expect(try UserPrincipalName.parse("ａlice@contoso.com").userName == "alice", "full-width user name")
    }

    @Test func differentSpellingIsNotEqualButSameKey() throws {
        let a = try UserPrincipalName.parse("Alice@contoso.com")
        let b = try UserPrincipalName.parse("alice@contoso.com")
        #expect(a != b, "a changed spelling is a change")
        #expect(a.key == b.key, "but the same user")
    }
}
