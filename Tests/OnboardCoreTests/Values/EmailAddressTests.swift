import OnboardCore
import Testing

struct EmailAddressTests {
    @Test(arguments: ["alice@contoso.com", "a.b+tag@mail.contoso.co.uk", "O'Brien@x.io", " bob@x.de "])
    func validAddresses(raw: String) throws {
        #expect(try EmailAddress.parse(raw).rawValue == raw.trimmingSpaces, "\(raw) is kept as written")
    }

    @Test(arguments: [
        ("alice", [Rule.emailSyntax]), ("alice@contoso", [.emailSyntax]), ("a@b@c.com", [.emailSyntax]),
        ("@contoso.com", [.emailSyntax]), (".alice@contoso.com", [.emailSyntax]),
        ("al..ice@contoso.com", [.emailSyntax]),
        ("alice.@contoso.com", [.emailSyntax]), ("al ice@contoso.com", [.emailSyntax]),
        ("alice@contoso..com", [.emailSyntax]),
        (String(repeating: "a", count: 65) + "@contoso.com", [.emailLength]),
        (
            String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 63) + "."
                + String(repeating: "c", count: 63) + "." + String(repeating: "d", count: 63) + ".com",
            [.emailLength]
        ),
    ])
    func invalidAddresses(raw: String, expected: [Rule]) {
        #expect(
            rulesBroken { () throws(DomainViolations) in try EmailAddress.parse(raw) } == expected, "\(raw)")
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
