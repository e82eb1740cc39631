import Foundation
import Testing

/// The result of running the real `onboard` binary.
struct OnboardRun: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: Data

    var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// Runs the `onboard` binary built next to this test bundle.
enum OnboardProcess {
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

    /// A fresh temporary folder, removed by the caller with `removeItem` when done.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onboard-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
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
