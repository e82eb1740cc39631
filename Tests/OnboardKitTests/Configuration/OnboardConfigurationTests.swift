import Foundation
import OnboardCore
import Testing

@testable import OnboardKit

/// The configuration file: what it sets, how mistakes are reported, and that options win over it.
struct OnboardConfigurationTests {
    static let exampleFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/onboard.example.toml").path

    func parse(_ text: String) throws(ConfigurationErrors) -> OnboardConfiguration {
        try OnboardConfiguration(parsing: text, file: "onboard.toml")
    }

    func errors(_ text: String) -> [String] {
        do {
            _ = try parse(text)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func anEmptyFileGivesTheDefaults() throws {
        #expect(try parse("") == OnboardConfiguration(), "nothing set: every default")
    }

    @Test func theDocumentedExampleGivesExactlyTheDefaults() throws {
        let configuration = try OnboardConfiguration(contentsOf: Self.exampleFile)
        #expect(
            configuration == OnboardConfiguration(), "the example documents the defaults, not other values")
    }

    @Test func theExampleDocumentsEveryKey() throws {
        let text = try String(contentsOfFile: Self.exampleFile, encoding: .utf8)
        for (section, keys) in OnboardConfiguration.keys {
            if !section.isEmpty {
                #expect(text.contains("\n[\(section)]\n"), "section [\(section)] in the example")
            }
            for key in keys {
                #expect(
                    text.contains("\n\(key) = ") || text.contains("\n# \(key) = "), "\(key) in the example")
            }
        }
    }

    @Test func everyKeyIsRead() throws {
        let configuration = try parse(
            """
            store = "/var/lib/onboard/store.sqlite"
            out = "reports/latest"
            jobs = 8
            [retry]
            attempts = 5
            base-delay = "100ms"
            max-delay = "2s"
            [validation]
            default-role = "site recovery reader"
            allow-owner-in-managed-mode = true
            max-reject-rate = 0.05
            [inbox]
            inbox = "in"
            archive = "done"
            failed = "bad"
            wait-seconds = 2.5
            [log]
            format = "json"
            level = "debug"
            """)
        #expect(configuration.store == .sqlite(path: "/var/lib/onboard/store.sqlite"), "store")
        #expect(configuration.outputFolder == "reports/latest", "out")
        #expect(configuration.jobs == 8, "jobs")
        #expect(
            configuration.retry
                == RetryPolicy(attempts: 5, baseDelay: .milliseconds(100), maximumDelay: .seconds(2)),
            "retry")
        #expect(
            configuration.validation.policy.defaultRole == .siteRecoveryReader,
            "role names are parsed loosely")
        #expect(configuration.validation.policy.allowsOwnerInManagedMode, "owner allowed")
        #expect(configuration.validation.maxRejectRate == 0.05, "max-reject-rate")
        #expect(configuration.inbox.inbox == "in" && configuration.inbox.archive == "done", "inbox folders")
        #expect(configuration.inbox.failed == "bad", "failed folder")
        #expect(configuration.inbox.wait == .milliseconds(2500), "fractional seconds")
        #expect(configuration.log.format == .json && configuration.log.level == .debug, "log")
    }

    @Test func theEffectiveSettingsReadBackToTheSameConfiguration() throws {
        var configuration = OnboardConfiguration()
        configuration.outputFolder = "out \"quoted\""
        configuration.validation.maxRejectRate = 0.25
        configuration.inbox.wait = .milliseconds(1500)
        configuration.store = .memory
        #expect(
            try parse(configuration.tomlText) == configuration,
            "tomlText is a configuration file:\n\(configuration.tomlText)")
    }

    @Test func everyMistakeIsReportedWithItsLineInLineOrder() {
        let lines = errors(
            """
            jobs = 0
            colour = "blue"

            [retry]
            attempts = "three"
            base-delay = "fast"

            [validation]
            default-role = "Admin"
            max-reject-rate = 1.5

            [log]
            format = "xml"

            [extras]
            x = 1
            """)
        #expect(
            lines == [
                "onboard.toml:1: error: jobs: 0 is out of range; use a whole number from 1 to 64",
                "onboard.toml:2: error: colour: unknown key; expected store, out, jobs at the top level",
                "onboard.toml:5: error: [retry].attempts: must be a whole number from 1 to 20, not a string (\"three\")",
                "onboard.toml:6: error: [retry].base-delay: must be a duration such as \"200ms\" or \"5s\", not a string (\"fast\")",
                "onboard.toml:9: error: [validation].default-role: unknown role \"Admin\"; expected one of Owner, Contributor, Reader, Site Recovery Contributor, Site Recovery Operator, Site Recovery Reader",
                "onboard.toml:10: error: [validation].max-reject-rate: 1.5 is out of range; use a number from 0 to 1 (0.05 is 5 %)",
                "onboard.toml:13: error: [log].format: unknown log format \"xml\"; expected text or json",
                "onboard.toml:15: error: [extras]: unknown section; expected [retry], [validation], [inbox], [log]",
            ], "\(lines.joined(separator: "\n"))")
    }

    @Test(arguments: [
        ("jobs = 65", "onboard.toml:1: error: jobs: 65 is out of range; use a whole number from 1 to 64"),
        (
            "jobs = 2.5",
            "onboard.toml:1: error: jobs: must be a whole number from 1 to 64, not a floating-point number (2.5)"
        ),
        (
            "[retry]\nmax-delay = \"1h\"",
            "onboard.toml:2: error: [retry].max-delay: must be a duration such as \"200ms\" or \"5s\", not a string (\"1h\")"
        ),
        (
            "[retry]\nbase-delay = \"2s\"\nmax-delay = \"1s\"",
            "onboard.toml:3: error: [retry].max-delay: 1s is shorter than base-delay (2s); make it at least as long"
        ),
        (
            "[retry]\nbase-delay = \"601s\"",
            "onboard.toml:2: error: [retry].base-delay: \"601s\" is too long; use at most 600s"
        ),
        (
            "[validation]\nallow-owner-in-managed-mode = \"yes\"",
            "onboard.toml:2: error: [validation].allow-owner-in-managed-mode: must be true or false, not a string (\"yes\")"
        ),
        (
            "[validation]\nmax-reject-rate = -0.1",
            "onboard.toml:2: error: [validation].max-reject-rate: -0.1 is out of range; use a number from 0 to 1 (0.05 is 5 %)"
        ),
        (
            "[inbox]\nwait-seconds = -1",
            "onboard.toml:2: error: [inbox].wait-seconds: -1 is out of range; use a number of seconds from 0 to 86400"
        ),
        ("[inbox]\ninbox = \"\"", "onboard.toml:2: error: [inbox].inbox: must not be empty"),
        (
            "[log]\nlevel = \"loud\"",
            "onboard.toml:2: error: [log].level: unknown log level \"loud\"; expected trace, debug, info, notice, warning, error, critical"
        ),
        (
            "store = \"simulated:latency=fast\"",
            "onboard.toml:1: error: store: latency \"fast\" is not a duration; write a number and a unit (ns, us, ms or s), e.g. latency=20ms"
        ),
        (
            "retry = 3",
            "onboard.toml:1: error: [retry]: must be a table ([retry] on a line of its own), not an integer (3)"
        ),
        (
            "[retry]\n\"base-delay\" = 5",
            "onboard.toml:2: error: [retry].base-delay: must be a duration such as \"200ms\" or \"5s\", not an integer (5)"
        ),
        (
            "retry.atempts = 3",
            "onboard.toml:1: error: [retry].atempts: unknown key; expected attempts, base-delay, max-delay in [retry]"
        ),
        (
            "retry = { attempts = 0 }",
            "onboard.toml: error: [retry].attempts: 0 is out of range; use a whole number from 1 to 20"
        ),
    ])
    func aMistakeIsExplained(text: String, message: String) {
        #expect(errors(text) == [message], "\(text)")
    }

    @Test func linesInsideMultiLineStringsAndArraysAreNotTakenForKeys() {
        let lines = errors(
            #"""
            out = """
            jobs = 9
            """
            store = [
              "[retry]",
            ]
            jobs = 0
            """#)
        #expect(
            lines == [
                "onboard.toml:4: error: store: must be a string, not an array",
                "onboard.toml:7: error: jobs: 0 is out of range; use a whole number from 1 to 64",
            ], "\(lines)")
    }

    @Test func aSyntaxErrorGivesTheParsersLineAndColumn() {
        let lines = errors("jobs = 4\n[retry\nattempts = 3\n")
        #expect(lines.count == 1, "one syntax error: \(lines)")
        #expect(
            lines.first?.hasPrefix("onboard.toml:2: error: ") == true, "the line of the bad header: \(lines)")
        #expect(lines.first?.contains("(column ") == true, "and the column: \(lines)")
    }

    @Test func aMissingFileIsSaidToBeMissing() {
        do {
            _ = try OnboardConfiguration(contentsOf: "/nonexistent/onboard.toml")
            Issue.record("a missing file must not give a configuration")
        } catch {
            #expect(error.isMissingFile, "flagged as missing")
            #expect(
                error.description == "/nonexistent/onboard.toml: error: no such file; check the path",
                "\(error)")
        }
    }

    @Test func optionsOverrideTheFileAndTheFileOverridesTheDefaults() throws {
        let file = try parse(
            """
            jobs = 8
            out = "from-file"
            [retry]
            attempts = 5
            [validation]
            default-role = "Contributor"
            [log]
            format = "json"
            """)
        var overrides = OnboardConfiguration.Overrides()
        overrides.jobs = 2
        overrides.isVerbose = true
        overrides.store = .memory
        let merged = file.merging(overrides: overrides)
        #expect(merged.jobs == 2, "the option wins over the file")
        #expect(merged.store == .memory, "the option wins over the default")
        #expect(merged.log.level == .debug, "--verbose wins over the default level")
        #expect(merged.outputFolder == "from-file", "the file wins where no option is given")
        #expect(merged.retry.attempts == 5, "the file's retry stays")
        #expect(merged.validation.policy.defaultRole == .contributor, "the file's role stays")
        #expect(merged.log.format == .json, "the file's format stays")
        #expect(merged.retry.baseDelay == RetryPolicy.standard.baseDelay, "the default where neither says")
        #expect(file.merging(overrides: .init()) == file, "no options: the file as it is")
    }

    @Test(arguments: [(1, 200), (2, 400), (3, 800), (5, 3200), (6, 5000), (30, 5000)])
    func retriesBackOffExponentiallyUpToTheCap(retry: Int, milliseconds: Int) {
        let policy = RetryPolicy(attempts: 5, baseDelay: .milliseconds(200), maximumDelay: .seconds(5))
        #expect(policy.ceiling(beforeRetry: retry) == .milliseconds(milliseconds), "retry \(retry)")
    }
}
