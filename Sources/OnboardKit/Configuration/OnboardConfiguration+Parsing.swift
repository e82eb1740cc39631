import Foundation
import Logging
import OnboardCore
import TOMLKit

extension OnboardConfiguration {
    /// The keys each section takes, in the order the example file and error messages list them
    /// (`""` is the top level).
    static let keys: KeyValuePairs<String, [String]> = [
        "": ["store", "out", "jobs"],
        "retry": ["attempts", "base-delay", "max-delay"],
        "validation": ["default-role", "allow-owner-in-managed-mode", "max-reject-rate"],
        "inbox": ["inbox", "archive", "failed", "wait-seconds"],
        "log": ["format", "level"],
    ]

    /// Reads the configuration file at `path`.
    ///
    /// - Throws: ``ConfigurationErrors``: every mistake of the file at once, or that it cannot be read
    ///   (``ConfigurationErrors/isMissingFile`` when it does not exist).
    public init(contentsOf path: String) throws(ConfigurationErrors) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let missing = !FileManager.default.fileExists(atPath: path)
            let message =
                missing
                ? "no such file; check the path"
                : "cannot be read: \((error as NSError).localizedDescription)"
            throw ConfigurationErrors(
                [ConfigurationError(file: path, line: nil, keyPath: "", message: message)],
                isMissingFile: missing)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationErrors([
                ConfigurationError(
                    file: path, line: nil, keyPath: "", message: "is not UTF-8 text (TOML must be)")
            ])
        }
        try self.init(parsing: text, file: path)
    }

    /// Reads a configuration from TOML text; `file` names it in error messages.
    ///
    /// Keys not given keep their defaults. Unknown keys and sections, values of the wrong type, out of
    /// range or unknown (a role, a log format) are all errors: a typo must not silently fall back to a
    /// default in an unattended run.
    public init(parsing text: String, file: String) throws(ConfigurationErrors) {
        self.init()
        let keyLines = TOMLKeyLines(text)
        if let line = keyLines.malformedHeaderLine {
            throw ConfigurationErrors([
                ConfigurationError(
                    file: file, line: line, keyPath: "",
                    message:
                        "a table header must be a name in brackets, like [retry]; the name starts with a "
                        + "letter, digit, _ or - (or is quoted)")
            ])
        }
        if let line = keyLines.listValueLine {
            throw ConfigurationErrors([
                ConfigurationError(
                    file: file, line: line, keyPath: "",
                    message:
                        "an inline table here holds a list ([…]); every onboard.toml setting takes one "
                        + "value, like attempts = 5")
            ])
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: keyLines.parsedText)
        } catch let error as TOMLParseError {
            throw ConfigurationErrors([
                ConfigurationError(
                    file: file, line: error.source.begin.line, keyPath: "",
                    message: "\(error.description) (column \(error.source.begin.column))")
            ])
        } catch {
            throw ConfigurationErrors([
                ConfigurationError(file: file, line: nil, keyPath: "", message: "is not TOML: \(error)")
            ])
        }
        var reader = ConfigurationReader(file: file, lines: keyLines)
        reader.read(table, into: &self)
        guard reader.errors.isEmpty else {
            throw ConfigurationErrors(
                reader.errors.sorted { ($0.line ?? .max, $0.keyPath) < ($1.line ?? .max, $1.keyPath) })
        }
    }
}

/// Walks a parsed TOML table, setting what is valid and collecting an error for everything else.
struct ConfigurationReader {
    let file: String
    let lines: TOMLKeyLines
    private(set) var errors: [ConfigurationError] = []

    init(file: String, lines: TOMLKeyLines) {
        self.file = file
        self.lines = lines
    }

    mutating func read(_ root: TOMLTable, into configuration: inout OnboardConfiguration) {
        let sections = OnboardConfiguration.keys.map(\.key).filter { !$0.isEmpty }
        for (key, value) in root {
            if sections.contains(key) {
                guard let table = value.table else {
                    fail(
                        [key], "[\(key)]",
                        "must be a table ([\(key)] on a line of its own), not \(describe(value))")
                    continue
                }
                for (member, memberValue) in table {
                    set(section: key, key: member, to: memberValue, in: &configuration)
                }
            } else if OnboardConfiguration.keys[0].value.contains(key) {
                set(section: "", key: key, to: value, in: &configuration)
            } else if value.table != nil {
                fail(
                    [key], "[\(key)]",
                    "unknown section; expected \(sections.map { "[\($0)]" }.joined(separator: ", "))")
            } else {
                fail([key], key, unknownKey(key, section: ""))
            }
        }
        checkDelays(configuration)
    }

    /// Sets one key, or records why it cannot be set.
    private mutating func set(
        section: String, key: String, to value: TOMLValueConvertible,
        in configuration: inout OnboardConfiguration
    ) {
        let path = section.isEmpty ? [key] : [section, key]
        let name = section.isEmpty ? key : "[\(section)].\(key)"
        var problem: String?
        switch (section, key) {
        case ("", "store"):
            problem = text(value) { text in
                do throws(DirectorySpecificationError) {
                    configuration.store = try DirectorySpecification(parsing: text)
                    return nil
                } catch {
                    return error.problem
                }
            }
        case ("", "out"): problem = text(value) { configuration.outputFolder = $0 }
        case ("", "jobs"):
            problem = integer(value, in: ImportRequest.jobsRange) { configuration.jobs = $0 }
        case ("retry", "attempts"):
            problem = integer(value, in: RetryPolicy.attemptsRange) { configuration.retry.attempts = $0 }
        case ("retry", "base-delay"):
            problem = duration(value, longest: RetryPolicy.longestDelay) {
                configuration.retry.baseDelay = $0
            }
        case ("retry", "max-delay"):
            problem = duration(value, longest: RetryPolicy.longestDelay) {
                configuration.retry.maximumDelay = $0
            }
        case ("validation", "default-role"):
            problem = text(value) { text in
                guard let role = try? Role.parse(text) else {
                    return
                        "unknown role \"\(text)\"; expected one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))"
                }
                configuration.validation.policy.defaultRole = role
                return nil
            }
        case ("validation", "allow-owner-in-managed-mode"):
            problem = boolean(value) { configuration.validation.policy.allowsOwnerInManagedMode = $0 }
        case ("validation", "max-reject-rate"):
            problem = rate(value) { configuration.validation.maxRejectRate = $0 }
        case ("inbox", "inbox"): problem = text(value) { configuration.inbox.inbox = $0 }
        case ("inbox", "archive"): problem = text(value) { configuration.inbox.archive = $0 }
        case ("inbox", "failed"): problem = text(value) { configuration.inbox.failed = $0 }
        case ("inbox", "wait-seconds"): problem = seconds(value) { configuration.inbox.wait = $0 }
        case ("log", "format"):
            problem = text(value) { text in
                guard let format = LogFormat(rawValue: text) else {
                    return "unknown log format \"\(text)\"; expected text or json"
                }
                configuration.log.format = format
                return nil
            }
        case ("log", "level"):
            problem = text(value) { text in
                guard let level = Logger.Level(rawValue: text) else {
                    return
                        "unknown log level \"\(text)\"; expected \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))"
                }
                configuration.log.level = level
                return nil
            }
        default:
            problem = unknownKey(key, section: section)
        }
        if let problem { fail(path, name, problem) }
    }

    /// `max-delay` below `base-delay` would make every retry wait less than the first: a mistake.
    private mutating func checkDelays(_ configuration: OnboardConfiguration) {
        let retry = configuration.retry
        guard retry.maximumDelay < retry.baseDelay else { return }
        fail(
            ["retry", "max-delay"], "[retry].max-delay",
            "\(DirectorySpecification.format(retry.maximumDelay)) is shorter than base-delay (\(DirectorySpecification.format(retry.baseDelay))); make it at least as long"
        )
    }

    private mutating func fail(_ path: [String], _ name: String, _ message: String) {
        errors.append(
            ConfigurationError(file: file, line: lines.line(of: path), keyPath: name, message: message))
    }

    private func unknownKey(_ key: String, section: String) -> String {
        let known = OnboardConfiguration.keys.first { $0.key == section }?.value ?? []
        let place = section.isEmpty ? "at the top level" : "in [\(section)]"
        return "unknown key; expected \(known.joined(separator: ", ")) \(place)"
    }

    // MARK: Values

    private func describe(_ value: TOMLValueConvertible) -> String {
        if let text = value.string { return "a string (\"\(text)\")" }
        if value.type == .table { return "a table" }
        if value.type == .array { return "an array" }
        let article = value.type == .int ? "an" : "a"
        return "\(article) \(value.type) (\(value.debugDescription))"
    }

    private func text(_ value: TOMLValueConvertible, _ use: (String) -> String?) -> String? {
        guard let text = value.string else { return "must be a string, not \(describe(value))" }
        guard !text.isEmpty else { return "must not be empty" }
        return use(text)
    }

    private func text(_ value: TOMLValueConvertible, _ use: (String) -> Void) -> String? {
        text(value) { (text: String) -> String? in
            use(text)
            return nil
        }
    }

    private func integer(_ value: TOMLValueConvertible, in range: ClosedRange<Int>, _ use: (Int) -> Void)
        -> String?
    {
        guard value.type == .int, let number = value.int else {
            return
                "must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(describe(value))"
        }
        guard range.contains(number) else {
            return
                "\(number) is out of range; use a whole number from \(range.lowerBound) to \(range.upperBound)"
        }
        use(number)
        return nil
    }

    private func number(_ value: TOMLValueConvertible) -> Double? {
        switch value.type {
        case .int: value.int.map(Double.init)
        case .double: value.double
        default: nil
        }
    }

    private func rate(_ value: TOMLValueConvertible, _ use: (Double) -> Void) -> String? {
        guard let rate = number(value) else { return "must be a number from 0 to 1, not \(describe(value))" }
        guard rate.isFinite, (0...1).contains(rate) else {
            return "\(value.debugDescription) is out of range; use a number from 0 to 1 (0.05 is 5 %)"
        }
        use(rate)
        return nil
    }

    private func boolean(_ value: TOMLValueConvertible, _ use: (Bool) -> Void) -> String? {
        guard value.type == .bool, let flag = value.bool else {
            return "must be true or false, not \(describe(value))"
        }
        use(flag)
        return nil
    }

    private func duration(_ value: TOMLValueConvertible, longest: Duration, _ use: (Duration) -> Void)
        -> String?
    {
        guard let text = value.string, let duration = DirectorySpecification.duration(text) else {
            return "must be a duration such as \"200ms\" or \"5s\", not \(describe(value))"
        }
        guard duration <= longest else {
            return "\"\(text)\" is too long; use at most \(DirectorySpecification.format(longest))"
        }
        use(duration)
        return nil
    }

    private func seconds(_ value: TOMLValueConvertible, _ use: (Duration) -> Void) -> String? {
        let longest = InboxSettings.longestWait.components.seconds
        guard let seconds = number(value) else {
            return "must be a number of seconds from 0 to \(longest), not \(describe(value))"
        }
        guard seconds.isFinite, seconds >= 0, seconds <= Double(longest) else {
            return "\(value.debugDescription) is out of range; use a number of seconds from 0 to \(longest)"
        }
        use(.milliseconds(Int64((seconds * 1000).rounded())))
        return nil
    }
}
