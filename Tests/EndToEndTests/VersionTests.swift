import Foundation
import Testing


struct VersionTests {
    @Test func printsItsVersion() throws {
        let run = try OnboardProcess.run(["--version"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0", "\(run)")
    }
}
