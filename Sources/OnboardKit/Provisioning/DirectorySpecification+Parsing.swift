extension DirectorySpecification {
    /// The keys a `simulated:` specification takes, in the order error messages list them.
    static let simulatedKeys = ["latency", "failure-rate", "retry-after", "seed"]

    /// Parses a specification such as `simulated:latency=20ms,failure-rate=0.02` or a store path.
    ///
    /// Anything that is not `memory`, `simulated…` or `sqlite:…` is taken as a store path.
    public init(parsing text: String) throws(DirectorySpecificationError) {
        let fail = { (problem: String) in DirectorySpecificationError(specification: text, problem: problem) }
        if text.isEmpty { throw fail("it is empty; give a store path, memory, or simulated:latency=20ms") }
        if text == "memory" {
            self = .memory
        } else if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            if path.isEmpty { throw fail("the store path after sqlite: is empty") }
            self = .sqlite(path: path)
        } else if text == "simulated" {
            self = .simulated(SimulatedDirectory.Settings())
        } else if text.hasPrefix("simulated:") {
            self = .simulated(
                try Self.simulatedSettings(String(text.dropFirst("simulated:".count)), fail: fail))
        } else {
            self = .sqlite(path: text)
        }
    }

    private static func simulatedSettings(
        _ text: String, fail: (String) -> DirectorySpecificationError
    ) throws(DirectorySpecificationError) -> SimulatedDirectory.Settings {
        var settings = SimulatedDirectory.Settings()
        var seen: Set<String> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = pair[0].trimmingSpaces
            guard simulatedKeys.contains(key) else {
                if key.isEmpty { throw fail("a setting is empty; separate settings with single commas") }
                throw fail("unknown key \"\(key)\"; expected \(simulatedKeys.joined(separator: ", "))")
            }
            guard pair.count == 2, !pair[1].trimmingSpaces.isEmpty else {
                throw fail("\"\(key)\" has no value; write e.g. \(key)=\(example(key))")
            }
            guard seen.insert(key).inserted else { throw fail("\"\(key)\" is given twice") }
            let value = pair[1].trimmingSpaces
            switch key {
            case "latency":
                guard let duration = duration(value) else { throw fail(durationProblem(key, value)) }
                settings.latency = duration
            case "retry-after":
                guard let duration = duration(value) else { throw fail(durationProblem(key, value)) }
                settings.retryAfter = duration
            case "failure-rate":
                guard let rate = Double(value), rate >= 0, rate <= 1 else {
                    throw fail(
                        "failure-rate \"\(value)\" is not a number from 0 to 1; write e.g. failure-rate=0.02")
                }
                settings.failureRate = rate
            default:
                guard let seed = UInt64(value) else {
                    throw fail("seed \"\(value)\" is not a whole number from 0 to \(UInt64.max)")
                }
                settings.seed = seed
            }
        }
        return settings
    }

    private static func example(_ key: String) -> String {
        switch key {
        case "latency": "20ms"
        case "retry-after": "50ms"
        case "failure-rate": "0.02"
        default: "7"
        }
    }

    private static func durationProblem(_ key: String, _ value: String) -> String {
        "\(key) \"\(value)\" is not a duration; write a number and a unit (ns, us, ms or s), e.g. \(key)=\(example(key))"
    }

    /// The units a duration may have, longest suffix first so `ms` is not read as `s`.
    private static let units: [(suffix: String, nanoseconds: Double)] = [
        ("ns", 1), ("us", 1_000), ("µs", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000),
    ]

    /// Parses `20ms`, `1.5s`, `500us`; `0` needs no unit.
    static func duration(_ text: String) -> Duration? {
        if text == "0" { return .zero }
        for unit in units where text.hasSuffix(unit.suffix) {
            guard let number = Double(text.dropLast(unit.suffix.count)), number >= 0, number.isFinite else {
                return nil
            }
            return .nanoseconds(Int64((number * unit.nanoseconds).rounded()))
        }
        return nil
    }

    /// Writes a duration the way ``duration(_:)`` reads it, in the largest unit that keeps it whole.
    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        if nanoseconds == 0 { return "0" }
        for (suffix, size) in [("s", Int64(1_000_000_000)), ("ms", 1_000_000), ("us", 1_000)]
        where nanoseconds % size == 0 {
            return "\(nanoseconds / size)\(suffix)"
        }
        return "\(nanoseconds)ns"
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
