import Testing

@testable import OnboardKit

struct CompanyNameKeyTests {
    @Test(
        arguments: [
            ("Contoso Ltd", "CONTOSO, Limited"), ("Contoso Inc.", "contoso"), ("Müller GmbH", "Muller"),
            ("Fabrikam S.A.", "FABRIKAM SA"), ("Fabrikam SARL", "Fabrikam S.A.R.L."),
            ("Tailspin AG", "Tailspin"),
            ("Wingtip B.V.", "Wingtip BV"), ("Nokia Oy", "nokia"), ("Volvo AB", "Volvo"),
            ("Polska Sp. z o.o.", "Polska"), ("Sony KK", "Sony K.K."), ("Acme Pty Ltd", "ACME"),
            ("Acme LLC", "Acme"), ("Northwind GmbH & Co. KG", "Northwind"), ("Ｃｏｎｔｏｓｏ", "contoso"),
        ])
    func equalAfterCaseAccentsPunctuationAndLegalForm(first: String, second: String) {
        #expect(CompanyNameKey.make(first) == CompanyNameKey.make(second), "\(first) ~ \(second)")
    }

    @Test(arguments: [("Contoso", "Fabrikam"), ("Contoso Bank", "Contoso")])
    func differentCompaniesStayDifferent(first: String, second: String) {
        #expect(CompanyNameKey.make(first) != CompanyNameKey.make(second), "\(first) vs \(second)")
    }

    @Test func aNameThatIsOnlyALegalFormIsKept() {
        #expect(CompanyNameKey.make("AB") == "ab", "not emptied")
    }
}
