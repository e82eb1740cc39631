import Crypto
import Foundation

/// What a report says about the run itself: which command, which version, when, with which options.
///
/// The start of a run is known before the first outcome, its end only after the last, so a streaming
/// sink receives this twice: from `begin` with `finished == nil`, and from `finish` completed.
public struct RunMetadata: Sendable, Hashable {
    /// The command that produced the outcomes.
    public enum Command: String, Sendable, Hashable, CaseIterable {
        case plan
        case `import`
    }

    /// A unique id of the run, or one derived from the seed in deterministic mode.
    public var runID: String
    public var command: Command
    public var toolVersion: String
    public var started: Date
    /// When the run ended; `nil` while it runs.
    public var finished: Date?
    /// How many provisioning jobs ran at once.
    public var jobs: Int
    /// The effective options as name and value, in the order given. Never a secret.
    public var options: [Option]
    /// The run stopped early (a signal, a fatal error): the counts cover only what was done.
    public var isInterrupted: Bool
    /// The signal that stopped the run (`SIGINT`, `SIGTERM`), when a signal did.
    public var interruptingSignal: String?
    /// Reports are byte-for-byte reproducible: fixed timestamps, a seeded run id, no durations.
    public var isDeterministic: Bool

    /// One effective option of the run, as a name and its value.
    public struct Option: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(
        runID: String, command: Command, toolVersion: String, started: Date, finished: Date? = nil,
        jobs: Int, options: [Option] = [], isInterrupted: Bool = false, isDeterministic: Bool = false
    ) {
        self.runID = runID
        self.command = command
        self.toolVersion = toolVersion
        self.started = started
        self.finished = finished
        self.jobs = jobs
        self.options = options
        self.isInterrupted = isInterrupted
        self.isDeterministic = isDeterministic
    }

    /// The metadata of a run starting now, or of a reproducible run.
    ///
    /// A run is deterministic when `deterministic` is set or `SOURCE_DATE_EPOCH` is in `environment`
    /// (the reproducible-builds convention). Then the start time is `SOURCE_DATE_EPOCH` (or the epoch)
    /// and the run id is derived from `seed`, so two runs over the same outcomes write identical bytes.
    public static func starting(
        command: Command, toolVersion: String, jobs: Int, options: [Option] = [],
        deterministic: Bool = false, seed: UInt64 = 0,
        environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()
    ) -> RunMetadata {
        let epoch = environment["SOURCE_DATE_EPOCH"].flatMap {
            Int64($0.trimmingCharacters(in: .whitespaces))
        }
        let isDeterministic = deterministic || epoch != nil
        guard isDeterministic else {
            return RunMetadata(
                runID: UUID().uuidString.lowercased(), command: command, toolVersion: toolVersion,
                started: now, jobs: jobs, options: options)
        }
        return RunMetadata(
            runID: seededRunID(seed), command: command, toolVersion: toolVersion,
            started: Date(timeIntervalSince1970: TimeInterval(epoch ?? 0)), jobs: jobs, options: options,
            isDeterministic: true)
    }

    /// This metadata completed at the end of the run; a deterministic run "ends" when it started.
    ///
    /// `signal` names the signal that stopped the run early (which makes it interrupted too).
    public func finishing(at now: Date = Date(), interrupted: Bool = false, signal: String? = nil)
        -> RunMetadata
    {
        var copy = self
        copy.finished = isDeterministic ? started : now
        copy.isInterrupted = interrupted || signal != nil
        copy.interruptingSignal = signal
        return copy
    }

    /// A UUID-shaped id from the first 16 bytes of SHA-256 of the seed (version nibble set to 4 so it
    /// looks like what tools expect of a UUID).
    static func seededRunID(_ seed: UInt64) -> String {
        var bytes = Array(SHA256.hash(data: Array("onboard-run-\(seed)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let cuts = [8, 12, 16, 20]
        var id = ""
        for (index, character) in hex.enumerated() {
            if cuts.contains(index) { id.append("-") }
            id.append(character)
        }
        return id
    }
}
