import Testing

@testable import OnboardKit

struct HeaderNameTests {
    @Test(
        arguments: [
            ("user_principal_name", "userprincipalname", ""),
            ("User Principal-Name", "userprincipalname", ""),
            ("  DISPLAY_NAME ", "displayname", ""),
            ("Name [displayName] Required", "name", "displayname"),
            ("Block sign in (Yes/No) [accountEnabled] Required", "blocksignin", "accountenabled"),
            ("User name [userPrincipalName]", "username", "userprincipalname"),
            ("Required", "required", ""),
        ])
    func reducesAHeaderCellToLabelAndAttribute(cell: String, label: String, attribute: String) {
        let name = HeaderName(cell)
        #expect(name.label == label, "label of \(cell)")
        #expect(name.attribute == attribute, "attribute of \(cell)")
    }
}
