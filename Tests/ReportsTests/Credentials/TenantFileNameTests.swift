import Reports
import Testing

struct TenantFileNameTests {
    @Test(arguments: ["contoso", "fabrikam2", "a-b", "x"])
    func aValidPrefixIsUsedAsItIs(prefix: String) {
        #expect(TenantFileName.make(prefix) == prefix, "\(prefix) is already safe")
    }

    @Test(arguments: [
        "../../etc", "a/b", "", "CON", "con", "nul", "lpt1", "Contoso", "..", ".", "-rf", "a\0b",
        "/etc/passwd", "C:\\Windows", "東京", "tenant one", String(repeating: "x", count: 300),
    ])
    func anyOtherInputBecomesASafeNameWithAHash(input: String) {
        let name = TenantFileName.make(input)
        #expect(!name.isEmpty && name.count <= 57, "'\(name)' has a bounded, non-empty length")
        #expect(
            name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" },
            "'\(name)' uses only [a-z0-9-]")
        #expect(
            !name.hasPrefix("-") && name != input, "'\(name)' starts with a letter or digit and was changed")
        #expect(
            !["con", "nul", "lpt1", "prn", "aux"].contains(name), "'\(name)' is not a reserved device name")
    }

    @Test func inputsThatCleanToTheSameLettersStillGetDifferentNames() {
        let names = Set(["ab", "a/b", "A/B", "a b", "AB"].map(TenantFileName.make))
        #expect(names.count == 5, "each input gets its own file: \(names)")
    }

    @Test func theEmptyPrefixGetsATenantFallback() {
        #expect(TenantFileName.make("").hasPrefix("tenant-"), "a fallback name, not an empty one")
        #expect(TenantFileName.make("../../etc").hasPrefix("etc-"), "what is left of the input, plus a hash")
    }
}
