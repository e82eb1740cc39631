import Testing

@testable import OnboardKit

struct CountryNamesTests {
    @Test(
        arguments: [
            ("United States", "US"), ("united states of america", "US"), ("U.S.A.", "US"), ("Germany", "DE"),
            ("Deutschland", "DE"), ("United Kingdom", "GB"), ("Österreich", "AT"), ("  France ", "FR"),
        ])
    func mapsCommonNamesToCodes(name: String, code: String) {
        #expect(CountryNames.code(for: name) == code, "\(name)")
    }

    @Test(arguments: ["DE", "de", "Atlantis", ""])
    func leavesCodesAndUnknownNamesAlone(value: String) {
        #expect(CountryNames.normalise(value) == value, "\(value) passes through for the core to judge")
    }
}
