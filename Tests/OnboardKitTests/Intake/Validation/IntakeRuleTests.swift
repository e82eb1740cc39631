import Foundation
import OnboardCore
import Testing

@testable import OnboardKit

struct IntakeRuleTests {
    @Test func codesAreUniqueDottedLowerCaseAndApartFromTheCores() {
        let codes = IntakeRule.allCases.map(\.code)
        #expect(Set(codes).count == codes.count, "codes are unique")
        #expect(Set(codes).isDisjoint(with: Rule.allCases.map(\.code)), "no code shared with the core")
        for code in codes {
            #expect(
                code.allSatisfy { $0.isLowercase || $0 == "." || $0 == "-" } && code.contains("."), "\(code)")
        }
        #expect(IntakeRule.allCases.allSatisfy { $0.meaning.hasSuffix(".") }, "every rule has a meaning")
    }

    @Test func warningsAreTheRulesThatDoNotReject() {
        let warnings = IntakeRule.allCases.filter { $0.severity == .warning }.map(\.code)
        #expect(
            warnings == [
                "upn.whitespace", "text.invisible-characters", "dedup.similar-user", "dedup.similar-company",
            ],
            "\(warnings)")
        #expect(
            IntakeRule.allCases.filter { $0.severity == .warning }.allSatisfy {
                $0.meaning.hasPrefix("Warning:")
            },
            "a warning says so in the README")
    }

    @Test func theReadmeListsEveryIntakeRuleWithItsMeaning() throws {
        let readme = URL(filePath: #filePath).deletingLastPathComponent().appending(
            path: "../../../../README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        for rule in IntakeRule.allCases {
            #expect(
                text.contains("| `\(rule.code)` | \(rule.meaning) |"),
                "README's rules table lacks \(rule.code)")
        }
    }
}
