import BenchmarkSupport
import Testing

struct FiguresTests {
    @Test(arguments: [
        (1234.5, 1, "1,234.5"), (0.04, 1, "0.0"), (0.05, 1, "0.1"), (999.999, 2, "1,000.00"),
        (1_000_000, 0, "1,000,000"), (-12.25, 1, "-12.3"), (3.007, 3, "3.007"), (0, 2, "0.00"),
    ])
    func fixedRoundsAndGroupsThousands(value: Double, digits: Int, text: String) {
        #expect(value.fixed(digits) == text, "\(value) to \(digits) decimals")
    }

    @Test func fixedOfAnInfiniteValueIsADash() {
        #expect((1.0 / 0.0).fixed(1) == "–", "a division by a zero time shows no figure")
    }

    @Test(arguments: [
        (0, "0"), (999, "999"), (1000, "1,000"), (1_000_001, "1,000,001"), (-45_000, "-45,000"),
    ])
    func groupedPutsACommaEveryThreeDigits(value: Int, text: String) {
        #expect(value.grouped == text, "\(value)")
    }
}
