import Foundation
import Testing

/// The result of running the real `onboard` binary.
struct OnboardRun: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: Data
    /// The process did not exit: a signal's default action ended it (`status` is then 128 + signal).
    var wasKilled = false

    var description: String {
        "\(wasKilled ? "killed by signal \(status - 128)" : "exit \(status)")\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)"
    }
}

/// Runs the `onboard` binary built next to this test bundle.
enum OnboardProcess {
    /// The sanitizer the binary was built with (`scripts/sanitize.sh` sets `ONBOARD_SANITIZER`), or
    /// nil: a test of memory or of resource limits cannot hold under one (its shadow memory counts in
    /// the peak RSS; its runtime dies with SIGBUS under `ulimit -f`).
    static let sanitizer = ProcessInfo.processInfo.environment["ONBOARD_SANITIZER"]

    static var binary: URL {
        // The test bundle lives in the build folder, beside the executable.
        var folder = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("onboard").path),
            folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("onboard")
    }

    /// The repository root (for `samples/`).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Runs the binary with `arguments`; with a `launcher` (`setpriv --reuid=…`), runs the launcher
    /// with its own arguments, then the binary's path and `arguments`.
    static func run(
        _ arguments: [String], stdin: Data? = nil, in directory: URL? = nil,
        environment: [String: String] = [:],
        launcher: [String] = []
    ) throws -> OnboardRun {
        let process = Process()
        if let tool = launcher.first {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = launcher.dropFirst() + [binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            try input.fileHandleForWriting.write(contentsOf: stdin)
            try input.fileHandleForWriting.close()
        }
        // Read both pipes concurrently so a chatty process cannot block on a full pipe.
        let errData = ErrCollector(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errBytes = errData.wait()
        return OnboardRun(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errBytes, as: UTF8.self), stdoutBytes: outData)
    }

    /// Starts `onboard` without waiting for it: to signal it, or to run another one beside it.
    static func start(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> RunningOnboard {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        return try RunningOnboard(process)
    }

    /// Runs `onboard` under a pseudo-terminal with util-linux `script`, as a person at a terminal
    /// would: standard output and standard error both go to the terminal, whose bytes are returned
    /// as `stdout` (`stderr` is `script`'s own).
    static func runOnTerminal(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
    )
        throws -> OnboardRun
    {
        let command = ([binary.path] + arguments).map(shellQuoted).joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        // -q quiet, -f flush as written, -e the command's exit status, -c the command; no typescript file.
        process.arguments = ["-qfec", command, "/dev/null"]
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        env["TERM"] = env["TERM"].flatMap { $0 == "dumb" ? nil : $0 } ?? "xterm"
        process.environment = env
        return try RunningOnboard(process).wait()
    }

    /// `word` for `sh -c`: in single quotes, inner single quotes closed, escaped and reopened.
    static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Polls `condition` every 20 ms until it holds or `timeout` passes; returns whether it held.
    static func waitUntil(timeout: Duration = .seconds(10), _ condition: () -> Bool) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }

    /// A fresh temporary folder, removed by the caller with `removeItem` when done.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onboard-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// An `onboard` process started with ``OnboardProcess/start(_:in:environment:)``: its PID, a way to
/// signal it, and its result once it ends. Both pipes are drained as it runs.
final class RunningOnboard {
    let process: Process
    private let output: ErrCollector
    private let errors: ErrCollector

    init(_ process: Process) throws {
        self.process = process
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        output = ErrCollector(out.fileHandleForReading)
        errors = ErrCollector(err.fileHandleForReading)
    }

    var pid: Int32 { process.processIdentifier }

    var isRunning: Bool { process.isRunning }

    /// Sends `signal` (SIGINT, SIGTERM, …) to the process.
    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the end; the status is the exit status, or 128 + the signal that killed it.
    func wait() -> OnboardRun {
        process.waitUntilExit()
        let out = output.wait()
        let err = errors.wait()
        let killed = process.terminationReason == .uncaughtSignal
        return OnboardRun(
            status: killed ? 128 + process.terminationStatus : process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
            stdoutBytes: out, wasKilled: killed)
    }
}

/// Drains a pipe on a background thread.
private final class ErrCollector: @unchecked Sendable {
    // Safe: `data` is written once by the reading thread before `done` is signalled, read after.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
