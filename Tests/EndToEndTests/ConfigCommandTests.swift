import Foundation
import Testing

/// `onboard config check FILE` run as a program.
struct ConfigCommandTests {
    func check(_ text: String) throws -> (OnboardRun, String) {
        let folder = try OnboardProcess.temporaryFolder()
        let file = folder.appendingPathComponent("onboard.toml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let run = try OnboardProcess.run(["config", "check", file])
        try? FileManager.default.removeItem(at: folder)
        return (run, file)
    }

    @Test func aGoodFileIsOkAndTheEffectiveSettingsArePrinted() throws {
        let (run, file) = try check("jobs = 12\n[retry]\nattempts = 7\n[log]\nformat = \"json\"\n")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty, "\(run)")
        #expect(
            run.stdout == """
                \(file): ok

                store = "onboard-directory.sqlite"
                # out: not set (each command's own default folder)
                jobs = 12

                [retry]
                attempts = 7
                base-delay = "50ms"
                max-delay = "5s"

                [validation]
                default-role = "Reader"
                allow-owner-in-managed-mode = false
                # max-reject-rate: not set (no limit)

                [inbox]
                inbox = "inbox"
                archive = "inbox/archive"
                failed = "inbox/failed"
                wait-seconds = 5

                [log]
                format = "json"
                level = "info"

                """, "\(run)")
    }

    @Test func theDocumentedExampleIsOk() throws {
        let example = OnboardProcess.packageRoot.appendingPathComponent("docs/onboard.example.toml").path
        let run = try OnboardProcess.run(["config", "check", example])
        #expect(run.status == 0 && run.stdout.hasPrefix("\(example): ok\n"), "\(run)")
    }

    @Test func everyMistakeIsPrintedWithItsLineAndTheStatusIs65() throws {
        let (run, file) = try check(
            """
            jobs = 0
            [retry]
            attempts = 2
            max-delay = 5
            [validation]
            default-role = "Admin"
            max-reject-rate = 1.5
            [log]
            colour = "red"
            """)
        #expect(run.status == 65, "\(run)")
        #expect(run.stdout.isEmpty, "no settings printed: \(run)")
        #expect(
            run.stderr == """
                \(file):1: error: jobs: 0 is out of range; use a whole number from 1 to 64
                \(file):4: error: [retry].max-delay: must be a duration such as "200ms" or "5s", not an integer (5)
                \(file):6: error: [validation].default-role: unknown role "Admin"; expected one of Owner, Contributor, Reader, Site Recovery Contributor, Site Recovery Operator, Site Recovery Reader
                \(file):7: error: [validation].max-reject-rate: 1.5 is out of range; use a number from 0 to 1 (0.05 is 5 %)
                \(file):9: error: [log].colour: unknown key; expected format, level in [log]

                """, "\(run)")
    }

    @Test func aMissingFileExits66() throws {
        let run = try OnboardProcess.run(["config", "check", "/nonexistent/onboard.toml"])
        #expect(run.status == 66, "\(run)")
        #expect(run.stderr == "/nonexistent/onboard.toml: error: no such file; check the path\n", "\(run)")
    }
}
