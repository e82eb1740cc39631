import OnboardKit
import Testing

struct OnboardVersionTests {
    @Test func versionIsSemantic() {
        let parts = onboardVersion.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil }, "MAJOR.MINOR.PATCH, got \(onboardVersion)")
    }
}
