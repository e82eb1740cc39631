import OnboardKit
import Testing

struct DirectorySpecificationTests {
    @Test(arguments: [
        ("onboard-directory.sqlite", DirectorySpecification.sqlite(path: "onboard-directory.sqlite")),
        ("/var/lib/onboard/dir.sqlite", .sqlite(path: "/var/lib/onboard/dir.sqlite")),
        ("sqlite:stores/a.sqlite", .sqlite(path: "stores/a.sqlite")),
        ("memory", .memory),
        ("simulated", .simulated(SimulatedDirectory.Settings())),
        (
            "simulated:latency=20ms,failure-rate=0.02",
            .simulated(SimulatedDirectory.Settings(latency: .milliseconds(20), failureRate: 0.02))
        ),
        (
            "simulated:latency=1.5s,failure-rate=1,retry-after=50ms,seed=7",
            .simulated(
                SimulatedDirectory.Settings(
                    latency: .milliseconds(1500), failureRate: 1, retryAfter: .milliseconds(50), seed: 7))
        ),
        (
            "simulated:seed=0, latency = 500us",
            .simulated(SimulatedDirectory.Settings(latency: .microseconds(500), seed: 0))
        ),
        ("simulated:latency=0", .simulated(SimulatedDirectory.Settings())),
    ])
    func goodSpecificationsParse(text: String, expected: DirectorySpecification) throws {
        #expect(try DirectorySpecification(parsing: text) == expected, "\(text)")
    }

    @Test(arguments: [
        ("", "it is empty; give a store path, memory, or simulated:latency=20ms"),
        ("sqlite:", "the store path after sqlite: is empty"),
        (
            "simulated:latncy=20ms",
            "unknown key \"latncy\"; expected latency, failure-rate, retry-after, seed"
        ),
        ("simulated:latency", "\"latency\" has no value; write e.g. latency=20ms"),
        (
            "simulated:latency=20",
            "latency \"20\" is not a duration; write a number and a unit (ns, us, ms or s), e.g. latency=20ms"
        ),
        (
            "simulated:retry-after=soon",
            "retry-after \"soon\" is not a duration; write a number and a unit (ns, us, ms or s), e.g. retry-after=50ms"
        ),
        (
            "simulated:failure-rate=2",
            "failure-rate \"2\" is not a number from 0 to 1; write e.g. failure-rate=0.02"
        ),
        ("simulated:seed=-1", "seed \"-1\" is not a whole number from 0 to 18446744073709551615"),
        ("simulated:seed=1,seed=2", "\"seed\" is given twice"),
        ("simulated:latency=1ms,,seed=2", "a setting is empty; separate settings with single commas"),
    ])
    func badSpecificationsSayWhatToWrite(text: String, problem: String) {
        #expect(throws: DirectorySpecificationError(specification: text, problem: problem), "\(text)") {
            _ = try DirectorySpecification(parsing: text)
        }
    }

    @Test func theMessageQuotesTheSpecification() {
        let error = DirectorySpecificationError(specification: "simulated:x=1", problem: "unknown key \"x\"")
        #expect(
            error.description == "The directory \"simulated:x=1\" is not valid: unknown key \"x\".", "message"
        )
    }

    @Test(arguments: [
        "memory", "simulated:latency=20ms,failure-rate=0.5,retry-after=1s,seed=9", "sqlite:a.sqlite",
    ])
    func aSpecificationPrintsAsItParses(text: String) throws {
        #expect(try DirectorySpecification(parsing: text).description == text, "round trip")
    }
}
